import type { z } from 'zod';
import type { creditReasonSchema } from './evaluate-types';
import type { DayNumber } from '../dates/calendar-date';
import type { CreditRule } from '../policies/policy-schema';

/** Why an activity counts less than was claimed. */
export type CreditReason = z.output<typeof creditReasonSchema>;

/** How a program credits one activity type (resolved from the policy once per evaluation). */
export interface TypeRule {
  id: string;
  label: string;
  credit: CreditRule;
  requiresApproval: boolean;
}

/** An activity with its date as a day number and its hours in hundredths (exact sums). */
export interface PreparedActivity {
  id: string;
  type: string;
  day: DayNumber;
  /** The same date as written, for explanations. */
  date: string;
  claimed: number;
  categories: readonly string[];
  approved: boolean;
}

export interface CreditWindow {
  awarded: DayNumber;
  start: DayNumber;
  end: DayNumber;
  asOf: DayNumber;
}

/** Why an activity earns nothing toward a cycle, or null when it is eligible. */
export function ineligibility(rule: TypeRule | undefined, activity: PreparedActivity, window: CreditWindow): CreditReason | null {
  if (!rule) return 'type-not-accepted';
  if (activity.day > window.asOf) return 'after-as-of';
  if (activity.day < window.awarded) return 'before-award';
  if (activity.day < window.start || activity.day > window.end) return 'outside-cycle';
  if (rule.requiresApproval && !activity.approved) return 'not-approved';
  return null;
}

/** The most one activity of this type can earn, in hundredths. */
export function capOf(rule: TypeRule): number {
  const credit = rule.credit;
  if (credit.kind === 'per-activity') return Math.round(credit.credits * 100);
  return credit.maxPerActivity === undefined ? Infinity : Math.round(credit.maxPerActivity * 100);
}
