import { daysBetween, formatDate, requireDate } from '../../../core/dates/calendar-date';
import { dateAt } from '../../../core/dates/today';
import type { ApplicationRow } from './load-application';

/**
 * The decision clock: it starts at the first submission (due `decisionDays`
 * later), stops while the body waits for more information, and on
 * resubmission the due date moves later by the whole days it stood still.
 */
export function firstDecisionDue(today: string, decisionDays: number): string {
  return formatDate(requireDate(today) + decisionDays);
}

/** The due date once the clock runs again: later by the days from the pause to today. */
export function resumedDecisionDue(decisionDue: string, pausedOn: string, today: string): string {
  return formatDate(requireDate(decisionDue) + Math.max(0, daysBetween(pausedOn, today)!));
}

export interface ClockView {
  decisionDue: string | null;
  /** Days until the decision is due (negative: overdue); while paused, as it stood at the pause; null once decided. */
  daysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

export function clockOf(
  row: Pick<ApplicationRow, 'status' | 'decisionDue' | 'pausedAt'>,
  timeZone: string,
  now: Date,
): ClockView {
  const running = row.status === 'submitted' || row.status === 'info-requested';
  if (!running || !row.decisionDue) return { decisionDue: row.decisionDue, daysLeft: null, overdue: false, paused: false };
  const paused = row.status === 'info-requested' && row.pausedAt !== null;
  const asOf = dateAt(timeZone, paused ? row.pausedAt! : now);
  const daysLeft = daysBetween(asOf, row.decisionDue)!;
  return { decisionDue: row.decisionDue, daysLeft, overdue: daysLeft < 0, paused };
}
