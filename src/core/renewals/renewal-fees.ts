import { formatDate, type DayNumber } from '../dates/calendar-date';
import type { Deadlines } from '../compliance/deadlines';
import type { Policy } from '../policies/policy-schema';

export type FeeCode = 'recertification' | 'late' | 'reinstatement' | 'extension';

export interface FeeLine {
  code: FeeCode;
  /** What the line is for, in words the invoice prints. */
  label: string;
  cents: number;
}

/** What someone whose certification expired must do to hold it again. */
const AFTER_GRACE: Record<Policy['lapse']['afterGrace'], string> = {
  'new-exam': 'to hold it again, apply as a new candidate and pass the exam',
  'new-application': 'to hold it again, apply for it as a new candidate',
};

/** When a renewal is submitted, which phase of the cycle it falls in. */
export type RenewalPhase = 'on-time' | 'late' | 'grace';

export type RenewalQuote =
  | { accepted: true; phase: RenewalPhase; currency: string; lines: FeeLine[]; totalCents: number; notes: string[] }
  | { accepted: false; reason: 'not-open' | 'expired'; explanation: string };

/**
 * The date that decides the fees: the submission date, or, where the policy
 * says a check dated on or before the due date counts as on time, the date
 * written on the check if it is earlier (whenever the check arrives).
 */
export function feeDate(options: {
  submittedOn: DayNumber;
  checkWrittenOn?: DayNumber | null;
  checkDateCounts: boolean;
}): DayNumber {
  const { submittedOn, checkWrittenOn, checkDateCounts } = options;
  return checkDateCounts && checkWrittenOn !== null && checkWrittenOn !== undefined
    ? Math.min(submittedOn, checkWrittenOn)
    : submittedOn;
}

/**
 * The invoice a renewal submitted on `on` raises, from the policy alone: the
 * recertification fee (member or non-member), plus the late fee after the
 * due date up to the end of the late period, or the reinstatement fee during
 * grace. A granted extension moves the due date. Before the window opens, or
 * once grace is over, there is nothing to invoice: the reason says why.
 */
export function quoteRenewal(options: {
  policy: Pick<Policy, 'fees' | 'configurable'> & { lapse?: Pick<Policy['lapse'], 'afterGrace'> };
  deadlines: Deadlines;
  member: boolean;
  on: DayNumber;
  extended: boolean;
}): RenewalQuote {
  const { policy, deadlines, member, on, extended } = options;
  const due = extended && deadlines.extendedDue !== null ? deadlines.extendedDue : deadlines.due;
  if (deadlines.opens !== null && on < deadlines.opens) {
    return {
      accepted: false,
      reason: 'not-open',
      explanation: `the renewal application opens on ${formatDate(deadlines.opens)}`,
    };
  }
  let phase: RenewalPhase | null = null;
  if (on <= due) phase = 'on-time';
  else if (!extended && deadlines.lateUntil !== null && on <= deadlines.lateUntil) phase = 'late';
  else if (deadlines.graceUntil !== null && on <= deadlines.graceUntil) phase = 'grace';
  if (phase === null) {
    const ended = deadlines.graceUntil ?? deadlines.lateUntil ?? due;
    return {
      accepted: false,
      reason: 'expired',
      explanation: `the certification could be renewed or reinstated until ${formatDate(ended)}; it has expired${
        policy.lapse ? `: ${AFTER_GRACE[policy.lapse.afterGrace]}` : ''
      }`,
    };
  }
  const { fees } = policy;
  const price = fees.recertification;
  const lines: FeeLine[] = [
    {
      code: 'recertification',
      label: `Recertification fee (${member ? 'member' : 'non-member'})`,
      cents: price ? (member ? price.member : price.nonMember) : 0,
    },
  ];
  if (phase === 'late' && fees.late !== null) {
    lines.push({ code: 'late', label: `Late fee (after ${formatDate(due)})`, cents: fees.late });
  }
  if (phase === 'grace' && fees.reinstatement !== null) {
    lines.push({
      code: 'reinstatement',
      label: 'Reinstatement fee (lapsed, within the grace period)',
      cents: fees.reinstatement,
    });
  }
  const notes = policy.configurable
    .filter((entry) => lines.some((line) => entry.path === `fees.${line.code}`))
    .map((entry) => `${entry.path}: ${entry.reason}`);
  return {
    accepted: true,
    phase,
    currency: fees.currency,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.cents, 0),
    notes,
  };
}
