import { toFieldIssues } from '../../core/validation';
import { profileChangeSchema } from '../../server/certificants/person-schemas';
import type { PersonView, ProfileChangeBody } from '../api/queries';

/** The profile form's values, what a save sends (only what changed), and where the server's problems land. */

export interface ContactRow {
  key: number;
  email: string;
}

export interface ProfileValues {
  legalName: string;
  /** Empty: keep the birth date on file (the API never shows it: it serves only to find duplicates). */
  birthDate: string;
  city: string;
  region: string;
  member: boolean;
  contactEmails: ContactRow[];
}

export type ProfileField = Exclude<keyof ProfileValues, 'contactEmails'>;

export interface ProfileErrors {
  fields: Partial<Record<ProfileField, string>>;
  /** By row key. */
  contactEmails: Record<number, string>;
  /** A problem with the list as a whole ("at most 10 addresses"). */
  contactList?: string;
  /** Problems the server names on no field of the form. */
  other: string[];
}

export const NO_PROFILE_ERRORS: ProfileErrors = { fields: {}, contactEmails: {}, other: [] };

export const PROFILE_LABELS: Record<ProfileField, string> = {
  legalName: 'Legal name',
  birthDate: 'Birth date',
  city: 'City',
  region: 'State or region',
  member: 'Member of the association',
};

export const MAX_CONTACT_EMAILS = 10;

let nextKey = 1;
export const contactRow = (email = ''): ContactRow => ({ key: nextKey++, email });

export function profileValuesOf(person: PersonView): ProfileValues {
  return {
    legalName: person.legalName,
    birthDate: '',
    city: person.city ?? '',
    region: person.region ?? '',
    member: person.member,
    contactEmails: person.contactEmails.map((email) => contactRow(email)),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** The addresses as they will be sent: trimmed, empty rows left out (the server lower-cases them). */
export const contactEmailsOf = (rows: readonly ContactRow[]) =>
  rows.map((row) => row.email.trim()).filter((email) => email !== '');

/**
 * The PATCH body: only the fields that differ from the record as loaded; null when nothing changed.
 * The membership flag is sent only by admins (the server refuses it from anyone else).
 */
export function profileChange(person: PersonView, values: ProfileValues, options: { admin: boolean }): ProfileChangeBody | null {
  const change: ProfileChangeBody = {};
  const legalName = values.legalName.trim();
  if (legalName !== person.legalName) change.legalName = legalName;
  if (values.birthDate !== '') change.birthDate = values.birthDate;
  if (orNull(values.city) !== person.city) change.city = orNull(values.city);
  if (orNull(values.region) !== person.region) change.region = orNull(values.region);
  if (options.admin && values.member !== person.member) change.member = values.member;
  const emails = contactEmailsOf(values.contactEmails);
  if (!sameList(emails, person.contactEmails)) change.contactEmails = emails;
  return Object.keys(change).length === 0 ? null : change;
}

/**
 * The server's field problems on the form: "body.legalName", "body.contactEmails[1]" (the index counts
 * the addresses sent, empty rows left out), "body.contactEmails" (the list).
 */
export function profileErrors(issues: readonly { path: string; message: string }[], rows: readonly ContactRow[]): ProfileErrors {
  const errors: ProfileErrors = { fields: {}, contactEmails: {}, other: [] };
  const sent = rows.filter((row) => row.email.trim() !== '');
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const email = /^contactEmails(?:\[(\d+)\])?$/.exec(path);
    if (email) {
      const row = email[1] === undefined ? undefined : sent[Number(email[1])];
      if (row) errors.contactEmails[row.key] ??= issue.message;
      else errors.contactList ??= issue.message;
      continue;
    }
    if (path in PROFILE_LABELS) errors.fields[path as ProfileField] ??= issue.message;
    else errors.other.push(path === '' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return errors;
}

/**
 * What a save sends, checked with the server's own schema first: `unchanged` when there is nothing to
 * send, else the body, or the problems on the form (the server checks again).
 */
export function checkProfile(
  person: PersonView,
  values: ProfileValues,
  options: { admin: boolean },
): { kind: 'unchanged' } | { kind: 'change'; body: ProfileChangeBody } | { kind: 'invalid'; errors: ProfileErrors } {
  const body = profileChange(person, values, options);
  if (body === null) return { kind: 'unchanged' };
  const parsed = profileChangeSchema.safeParse(body);
  return parsed.success
    ? { kind: 'change', body }
    : { kind: 'invalid', errors: profileErrors(toFieldIssues(parsed.error), values.contactEmails) };
}
