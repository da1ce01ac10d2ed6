/**
 * Small deterministic builders for engine inputs, shared by tests, benchmarks
 * and demo data. Every default is a valid value for the built-in policies:
 * a NAMSS CPCS awarded 2019-06-15, evaluated on 2022-10-01, with one-hour
 * webinars (a type every built-in program accepts).
 */
import type { ActivityInput, CertificationInput, EvaluateInput } from '../compliance/evaluate-types';

let nextActivity = 1;

/** Restarts activity ids at `a1` (call in `beforeEach` when a test names ids). */
export function resetFactoryIds(): void {
  nextActivity = 1;
}

/** An activity with a unique id (`a1`, `a2`, ...) unless one is given. */
export function buildActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    id: `a${nextActivity++}`,
    type: 'webinar',
    date: '2021-01-15',
    hours: 1,
    categories: [],
    approved: false,
    ...overrides,
  };
}

export function buildCertification(overrides: Partial<CertificationInput> = {}): CertificationInput {
  return { program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: null, ...overrides };
}

export function buildEvaluateInput(overrides: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    asOf: '2022-10-01',
    certifications: [buildCertification()],
    activities: [],
    ...overrides,
  };
}

/** `count` activities built from the same overrides (each with its own id). */
export function buildActivities(count: number, overrides: Partial<ActivityInput> = {}): ActivityInput[] {
  return Array.from({ length: count }, () => buildActivity(overrides));
}
