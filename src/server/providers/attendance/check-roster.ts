import { randomBytes } from 'node:crypto';
import type { FieldIssue } from '../../../core/errors';
import type { OfferingRow } from './offering-access';
import { refuse, type Roster } from './read-roster';

/** A checked roster row as it is staged in the database; `ord` is its index in the roster. */
export interface StagedRow {
  ord: number;
  /** The attendee as the provider identifies them: `number:<certificant number>`, else `email:<address>`. */
  key: string;
  name: string;
  email: string | null;
  number: string | null;
  completedOn: string;
  hundredths: number;
  grade: string | null;
  /** The verification code a new row gets (an existing row keeps its own). */
  code: string;
}

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not mistaken.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Codes of 16 characters in groups of four, e.g. `7KQ2-M9XW-4TRB-HC1P`: 80
 * random bits, five from each random byte (unbiased: 256 is a multiple of 32).
 */
function verificationCodes(count: number): string[] {
  const bytes = randomBytes(count * 16);
  const codes = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let code = '';
    for (let j = 0; j < 16; j++) code += (j > 0 && j % 4 === 0 ? '-' : '') + ALPHABET.charAt(bytes[i * 16 + j]! & 31);
    codes[i] = code;
  }
  return codes;
}

function attendeeKey(row: { number: string | null; email: string | null }): string {
  return row.number !== null ? `number:${row.number}` : `email:${row.email}`;
}

/**
 * The checks that need the offering: each completion inside the approval
 * period and not after today, hours at most the approved hours, and no
 * attendee twice on one date. All or nothing: any problem refuses the roster.
 */
export function checkRoster(roster: Roster, offering: OfferingRow, today: string): StagedRow[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const codes = verificationCodes(roster.rows.length);
  const staged = roster.rows.map((row, ord): StagedRow => {
    const { completedOn } = row;
    if (completedOn < offering.validFrom || completedOn > offering.validUntil)
      issues.push({
        path: roster.at(ord, 'completedOn'),
        message: `${completedOn} is outside the approval period of ${offering.approvalCode}, from ${offering.validFrom} to ${offering.validUntil}`,
      });
    else if (completedOn > today)
      issues.push({ path: roster.at(ord, 'completedOn'), message: `${completedOn} is in the future (today is ${today})` });
    const hundredths = Math.round(row.hours * 100);
    if (hundredths > offering.hundredths)
      issues.push({
        path: roster.at(ord, 'hours'),
        message: `must be at most the ${offering.hundredths / 100} hours approved for ${offering.approvalCode}`,
      });
    const key = attendeeKey(row);
    // One attendee once a day: by the key, and by the e-mail (which may name them with or without a number).
    const identities = [key, ...(row.email !== null && row.number !== null ? [`email:${row.email}`] : [])];
    const first = identities.map((identity) => seen.get(`${identity}|${completedOn}`)).find((at) => at !== undefined);
    if (first !== undefined)
      issues.push({
        path: roster.at(ord, row.number !== null ? 'number' : 'email'),
        message: `the same attendee and completion date as ${roster.row(first)}`,
      });
    for (const identity of identities) if (!seen.has(`${identity}|${completedOn}`)) seen.set(`${identity}|${completedOn}`, ord);
    return {
      ord,
      key,
      name: row.name,
      email: row.email,
      number: row.number,
      completedOn,
      hundredths,
      grade: row.grade,
      code: codes[ord]!,
    };
  });
  if (issues.length > 0) refuse(issues);
  return staged;
}
