import type { DayNumber } from '../dates/calendar-date';
import type { Policy } from '../policies/policy-schema';
import type { Pace } from './evaluate-types';

const DAYS_PER_YEAR = 365.2425;

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
  const elapsedDays = Math.max(0, Math.min(asOf, end) - start + 1);
  const perYear = policy.credit.recommendedPerYear;
  const raw =
    perYear !== null ? (perYear * 100 * elapsedDays) / DAYS_PER_YEAR : (required * elapsedDays) / Math.max(1, end - start + 1);
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
