import { addYears, type DayNumber } from '../dates/calendar-date';
import type { Policy } from '../policies/policy-schema';
import type { Pace } from './evaluate-types';

/** Whole years from `start` through `asOf` (both inclusive), plus the elapsed share of the year under way. */
function yearsElapsed(start: DayNumber, asOf: DayNumber): number {
  let whole = 0;
  while (addYears(start, whole + 1) - 1 <= asOf) whole++;
  const yearStart = addYears(start, whole);
  return whole + (asOf - yearStart + 1) / (addYears(start, whole + 1) - yearStart);
}

/**
 * Where someone "on pace" would be by `asOf`: the policy's recommended yearly
 * rate where it has one (TechServe: 8 a year), else an even spread over the cycle.
 */
export function paceOf(options: {
  policy: Policy;
  start: DayNumber;
  end: DayNumber;
  asOf: DayNumber;
  required: number;
  earned: number;
}): Pace {
  const { policy, start, end, asOf, required, earned } = options;
  const perYear = policy.credit.recommendedPerYear;
  let raw: number;
  if (asOf >= end) raw = required;
  else if (asOf < start) raw = 0;
  else if (perYear !== null) raw = perYear * 100 * yearsElapsed(start, asOf);
  else raw = (required * (asOf - start + 1)) / (end - start + 1);
  const expected = Math.min(required, Math.round(raw));
  const behindBy = Math.max(0, expected - earned);
  return {
    basis: perYear !== null ? 'recommended-per-year' : 'even',
    expected: expected / 100,
    earned: earned / 100,
    onTrack: behindBy === 0,
    behindBy: behindBy / 100,
  };
}
