import { parseDate } from '../../core/dates/calendar-date';
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
const isDate = (text: string) => parseDate(text) !== null;
export const blankRow = (row: HeldRow, defaultProgram: string) =>
  (row.program === '' || row.program === defaultProgram) && row.awarded === '' && row.renewedThrough === '';

/** The form's checks, the same as the server's where they need no data; the server checks again. */
export function check(values: Values, defaultProgram: string): { body: NewPersonBody | null; errors: Errors } {
  const errors: Errors = { person: {}, held: {}, other: [] };
  if (values.legalName.trim() === '') errors.person.legalName = 'is required';
  if (values.number.trim() !== '' && !/^[A-Za-z0-9-]{1,32}$/.test(values.number.trim()))
    errors.person.number = 'must be 1 to 32 letters, digits or hyphens';
  const emails = splitEmails(values.emails);
  const badEmail = emails.find((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email));
  if (badEmail) errors.person.emails = `"${badEmail}" is not an e-mail address`;
  if (values.birthDate !== '' && !isDate(values.birthDate)) errors.person.birthDate = 'must be a date';
  const rows = values.certifications.filter((row) => !blankRow(row, defaultProgram));
  const seen = new Set<string>();
  for (const row of rows) {
    const rowErrors: Partial<Record<HeldField, string>> = {};
    if (row.program.trim() === '') rowErrors.program = 'is required';
    else if (seen.has(row.program)) rowErrors.program = 'is listed twice';
    seen.add(row.program);
    if (!isDate(row.awarded)) rowErrors.awarded = row.awarded === '' ? 'is required' : 'must be a date';
    if (row.renewedThrough !== '') {
      if (!isDate(row.renewedThrough)) rowErrors.renewedThrough = 'must be a date';
      else if (isDate(row.awarded) && row.renewedThrough < row.awarded) rowErrors.renewedThrough = 'must not be before awarded';
    }
    if (Object.keys(rowErrors).length > 0) errors.held[row.key] = rowErrors;
  }
  if (Object.keys(errors.person).length > 0 || Object.keys(errors.held).length > 0) return { body: null, errors };
  return {
    body: {
      legalName: values.legalName.trim(),
      ...(values.number.trim() ? { number: values.number.trim() } : {}),
      emails,
      birthDate: orNull(values.birthDate),
      city: orNull(values.city),
      region: orNull(values.region),
      member: values.member,
      certifications: rows.map((row) => ({
        program: row.program.trim(),
        awarded: row.awarded,
        renewedThrough: orNull(row.renewedThrough),
      })),
    },
    errors,
  };
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
