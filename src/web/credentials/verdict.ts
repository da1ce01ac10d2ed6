import type { Verdict, Verification } from '../api/credentials';
import { formatDateTime, formatDay } from '../format';

/** A verification in words a verifier reads at a glance: the verdict, its colour, each check's outcome. */

export interface VerdictWords {
  /** The large status: "Valid", "Suspended". */
  label: string;
  /** A Mantine colour: green only for valid. */
  color: string;
}

const VERDICT_WORDS: Record<Verdict, VerdictWords> = {
  valid: { label: 'Valid', color: 'green' },
  suspended: { label: 'Suspended', color: 'orange' },
  revoked: { label: 'Revoked', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
  'not-yet-valid': { label: 'Not yet valid', color: 'yellow' },
  tampered: { label: 'Tampered', color: 'red' },
  'unknown-key': { label: 'Cannot be checked', color: 'yellow' },
  malformed: { label: 'Not a credential', color: 'red' },
  unsupported: { label: 'Unsupported', color: 'yellow' },
};

/**
 * The verdict as the large status. A credential replaced by a renewal is revoked on the status
 * list, but its holder was not sanctioned: it reads "Superseded", still not green.
 */
export function verdictWords(verification: Pick<Verification, 'verdict' | 'supersededBy'>): VerdictWords {
  if (verification.verdict === 'revoked' && verification.supersededBy !== null) return { label: 'Superseded', color: 'gray' };
  return VERDICT_WORDS[verification.verdict] ?? { label: verification.verdict, color: 'gray' };
}

export type CheckName = keyof Verification['checks'];

/** The checks in the order a verifier reads them, each named. */
export const CHECKS: readonly { name: CheckName; label: string }[] = [
  { name: 'format', label: 'Format' },
  { name: 'signature', label: 'Signature' },
  { name: 'issuerKey', label: "Issuer's key" },
  { name: 'dates', label: 'Validity dates' },
  { name: 'revocation', label: 'Not revoked' },
  { name: 'suspension', label: 'Not suspended' },
];

/** A check's outcome: passed, failed, or not checked (an earlier check failed, or the status could not be read). */
export function checkOutcome(ok: boolean | null): { label: string; color: string } {
  if (ok === true) return { label: 'Passed', color: 'green' };
  if (ok === false) return { label: 'Failed', color: 'red' };
  return { label: 'Not checked', color: 'gray' };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * A credential's date for people. Recert writes validFrom and awardedDate as the first instant of a
 * calendar date in the body's time zone and validUntil as its last second, in UTC; the verifier
 * does not know that zone. Every zone's midnight falls on a quarter hour within 12 hours of the
 * UTC midnight of the same date, so the nearest UTC midnight gives the date back (for validUntil,
 * one second later and the day before). Any other instant (another issuer's) is shown as it is,
 * with its time, in the reader's zone.
 */
export function credentialDate(value: string, end: 'start' | 'end' = 'start'): string {
  if (DATE_ONLY.test(value)) return formatDay(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  const midnight = end === 'end' ? at + 1000 : at;
  if (midnight % QUARTER_HOUR_MS !== 0) return formatDateTime(value);
  const nearest = Math.round(midnight / DAY_MS) * DAY_MS - (end === 'end' ? DAY_MS : 0);
  return formatDay(new Date(nearest).toISOString().slice(0, 10));
}
