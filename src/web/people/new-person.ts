import { toFieldIssues } from '../../core/validation';
import { newPersonSchema } from '../../server/certificants/person-schemas';
import type { NewPersonBody } from '../api/queries';

/** The add-certificant form's values, its checks and where the server's problems land on it. */

export interface HeldRow {
  key: number;
  program: string;
  awarded: string;
  renewedThrough: string;
}

export interface Values {
  legalName: string;
  number: string;
  emails: string;
  birthDate: string;
  city: string;
  region: string;
  member: boolean;
  certifications: HeldRow[];
}

export type PersonField = Exclude<keyof Values, 'certifications'>;
export type HeldField = 'program' | 'awarded' | 'renewedThrough';

export interface Errors {
  person: Partial<Record<PersonField, string>>;
  /** By row key. */
  held: Record<number, Partial<Record<HeldField, string>>>;
  /** Problems the server names on no field of the form. */
  other: string[];
}

export const NO_ERRORS: Errors = { person: {}, held: {}, other: [] };

export const LABELS: Record<PersonField, string> = {
  legalName: 'Legal name',
  number: 'Certificant number',
  emails: 'E-mail addresses',
  birthDate: 'Birth date',
  city: 'City',
  region: 'State or region',
  member: 'Member of the association',
};

export const HELD_LABELS: Record<HeldField, string> = {
  program: 'Program',
  awarded: 'Awarded on',
  renewedThrough: 'Renewed through',
};

let nextKey = 1;
export const emptyRow = (program = ''): HeldRow => ({ key: nextKey++, program, awarded: '', renewedThrough: '' });

export function initialValues(defaultProgram: string): Values {
  return {
    legalName: '',
    number: '',
    emails: '',
    birthDate: '',
    city: '',
    region: '',
    member: false,
    certifications: [emptyRow(defaultProgram)],
  };
}

const splitEmails = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
export const blankRow = (row: HeldRow, defaultProgram: string) =>
  (row.program === '' || row.program === defaultProgram) && row.awarded === '' && row.renewedThrough === '';

/**
 * The form's checks: the server's own schema (newPersonSchema), and the checks across certification
 * rows that need no data; the server checks again, with the data (numbers and e-mails in use, programs).
 */
export function check(values: Values, defaultProgram: string): { body: NewPersonBody | null; errors: Errors } {
  const rows = values.certifications.filter((row) => !blankRow(row, defaultProgram));
  const emails = splitEmails(values.emails);
  const body = {
    legalName: values.legalName.trim(),
    ...(values.number.trim() ? { number: values.number.trim() } : {}),
    emails,
    birthDate: orNull(values.birthDate),
    city: orNull(values.city),
    region: orNull(values.region),
    member: values.member,
    certifications: rows.map((row) => ({
      program: row.program.trim(),
      // A date left empty is missing, not a malformed one.
      ...(row.awarded === '' ? {} : { awarded: row.awarded }),
      renewedThrough: orNull(row.renewedThrough),
    })),
  };
  const parsed = newPersonSchema.safeParse(body);
  const issues = parsed.success ? [] : toFieldIssues(parsed.error);
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const program = row.program.trim();
    if (program !== '' && seen.has(program))
      issues.push({ path: `certifications[${index}].program`, message: 'is listed twice' });
    seen.add(program);
    if (row.renewedThrough !== '' && row.awarded !== '' && row.renewedThrough < row.awarded)
      issues.push({ path: `certifications[${index}].renewedThrough`, message: 'must not be before awarded' });
  });
  const errors = serverErrors(
    issues.map((issue) => {
      // "emails[1]: must be an e-mail address" names the address: the field holds several.
      const email = /^emails\[(\d+)\]$/.exec(issue.path);
      return email ? { path: 'emails', message: `"${emails[Number(email[1])]}" ${issue.message}` } : issue;
    }),
    rows,
  );
  return { body: issues.length === 0 ? (body as NewPersonBody) : null, errors };
}

/**
 * The server's field problems on the form: "body.legalName", "emails[1]", "certifications[0].awarded"
 * (the index counts the rows sent, blank rows left out).
 */
export function serverErrors(issues: readonly { path: string; message: string }[], sentRows: HeldRow[]): Errors {
  const errors: Errors = { person: {}, held: {}, other: [] };
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const held = /^certifications\[(\d+)\]\.?(\w*)/.exec(path);
    if (held) {
      const row = sentRows[Number(held[1])];
      const field = (held[2] || 'program') as HeldField;
      if (row && field in HELD_LABELS) {
        errors.held[row.key] = { ...errors.held[row.key], [field]: issue.message };
        continue;
      }
    }
    const field = path.split(/[.[]/)[0] ?? '';
    if (field in LABELS) errors.person[field as PersonField] ??= issue.message;
    else errors.other.push(`${issue.path}: ${issue.message}`);
  }
  return errors;
}
