import type { ExamPolicy } from '../policies/policy-schema';
import { windowClosesOn } from './exam-window';

export type RetakeStatus =
  /** No attempt failed yet (or the last one passed). */
  | { kind: 'not-needed' }
  /** A retake may be bought and taken until `by` (inclusive). */
  | { kind: 'eligible'; by: string; feeCents: number; retakesLeft: number }
  /** Every retake the policy allows was used: the registration ended; a new registration starts over. */
  | { kind: 'exhausted'; allowed: number }
  /** Retakes remain but the period for them is over. */
  | { kind: 'period-over'; by: string };

/**
 * Whether a candidate whose last graded attempt failed may retake, and until
 * when: within the same window (it does not reset) and within the policy's
 * `retakes.withinMonths` of registration, whichever ends first; an admin's
 * window extension moves both.
 */
export function retakeStatus(options: {
  exam: ExamPolicy;
  registeredOn: string;
  /** The window's last day as in force (extended or not). */
  closesOn: string | null;
  extended: boolean;
  /** Results of graded attempts, oldest first (voided attempts left out). */
  results: boolean[];
  today: string;
}): RetakeStatus {
  const { exam, registeredOn, closesOn, extended, results, today } = options;
  if (results.length === 0 || results.at(-1) === true) return { kind: 'not-needed' };
  const retakesUsed = results.length - 1;
  if (retakesUsed >= exam.retakes.allowed) return { kind: 'exhausted', allowed: exam.retakes.allowed };
  const retakePeriodEnd = extended ? null : windowClosesOn(registeredOn, exam.retakes.withinMonths);
  const candidates = [closesOn, retakePeriodEnd].filter((day): day is string => day !== null);
  const by = candidates.length ? candidates.reduce((a, b) => (a < b ? a : b)) : '9999-12-31';
  if (today > by) return { kind: 'period-over', by };
  return { kind: 'eligible', by, feeCents: exam.retakes.fee, retakesLeft: exam.retakes.allowed - retakesUsed };
}
