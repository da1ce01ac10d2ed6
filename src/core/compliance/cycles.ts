import { addYears, onMonthDay, toYmd, type DayNumber } from '../dates/calendar-date';
import type { CycleRule } from '../policies/policy-schema';

export interface Cycle {
  /** 1 for the first cycle after the award. */
  index: number;
  start: DayNumber;
  end: DayNumber;
}

/** The last day of the k-th cycle (k ≥ 1) of a certification awarded on `awarded`. */
export function cycleEnd(rule: CycleRule, awarded: DayNumber, k: number): DayNumber {
  if (rule.kind === 'anniversary') return addYears(awarded, rule.years * k) - 1;
  const month = Number(rule.anchor.slice(0, 2));
  const day = Number(rule.anchor.slice(3, 5));
  return onMonthDay(toYmd(awarded).year + rule.years * k, month, day) - 1;
}

/**
 * The cycle being worked on: the first that ends after `renewedThrough` (or the
 * first after the award). Credit earned up to `renewedThrough` was used by the
 * renewal that covered it, so the cycle never starts before the day after.
 */
export function currentCycle(rule: CycleRule, awarded: DayNumber, renewedThrough: DayNumber | null): Cycle {
  let k = 1;
  if (renewedThrough !== null) {
    // Jump close to the answer, then step: cycles are `years` apart.
    const yearsAfter = toYmd(renewedThrough).year - toYmd(awarded).year;
    k = Math.max(1, Math.floor(yearsAfter / rule.years));
    while (k > 1 && cycleEnd(rule, awarded, k - 1) > renewedThrough) k--;
    while (cycleEnd(rule, awarded, k) <= renewedThrough) k++;
  }
  const gridStart = k === 1 ? awarded : cycleEnd(rule, awarded, k - 1) + 1;
  const start = renewedThrough !== null && renewedThrough + 1 > gridStart ? renewedThrough + 1 : gridStart;
  return { index: k, start, end: cycleEnd(rule, awarded, k) };
}
