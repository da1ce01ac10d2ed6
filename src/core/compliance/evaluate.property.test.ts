/**
 * Properties of evaluate() over the built-in policies, with generated people:
 * certifications awarded 2010-2030 (some renewed), activities of the held
 * programs' types with 0..40 hours (two decimals), legal categories and
 * approval flags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, fromYmd, requireDate } from '../dates/calendar-date';
import { builtinRegistry } from '../policies/builtin/index';
import { cycleEnd } from './cycles';
import { STATUSES } from './deadlines';
import { evaluate, summarize } from './evaluate';
import { parseEvaluateInput } from './evaluate-input';
import type { ActivityInput, CertificationInput, EvaluateInput, EvaluateResult } from './evaluate-types';

const registry = builtinRegistry();

const FIRST_DAY = fromYmd(2010, 1, 1);
const LAST_DAY = fromYmd(2030, 12, 31);
const day = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
// Days many generated people share (NAMSS cycle edges, a leap day, a busy day), so ties and edges come up often.
const COMMON_DAYS = ['2019-12-01', '2019-12-02', '2020-02-29', '2021-06-30', '2022-08-01', '2022-12-01', '2022-12-02'].map(
  requireDate,
);
const activityDay = fc.oneof({ weight: 3, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom(...COMMON_DAYS) });

const PROGRAM_SETS: string[][] = [
  ['namss/cpcs'],
  ['namss/cpmsm'],
  ['namss/cpcs', 'namss/cpmsm'],
  ['techserve/cpsr-1'],
  ['techserve/cpsae-2'],
  ['techserve/cpsr-1', 'techserve/cpsae-1'],
  ['ser/cerp'],
  ['techserve/cpsr-1', 'ser/cerp'],
  ['namss/cpcs', 'techserve/cpsr-2', 'ser/cerp'],
];

/** Types any held program lists, plus a free-form one when a held program takes any type (NAMSS). */
function typesFor(programs: readonly string[]): string[] {
  const policies = programs.map((id) => registry.require(id));
  const listed = policies.flatMap((policy) => policy.activityTypes.map((type) => type.id));
  const freeForm = policies.some((policy) => policy.otherActivityTypes !== null) ? ['journal-club'] : [];
  return [...new Set([...listed, ...freeForm])];
}

function certificationArb(program: string): fc.Arbitrary<CertificationInput> {
  const rule = registry.require(program).cycle;
  return day.chain((awarded) =>
    fc
      .oneof(
        fc.constant(null),
        // Renewed through the end of one of its cycles...
        fc.integer({ min: 1, max: 6 }).map((k) => cycleEnd(rule, awarded, k)),
        // ...or through any later day (a body's records need not sit on the grid).
        fc.integer({ min: 0, max: 3000 }).map((after) => awarded + after),
      )
      .map((renewed) => ({
        program,
        awarded: formatDate(awarded),
        renewedThrough: renewed === null ? null : formatDate(renewed),
      })),
  );
}

function activityArb(types: readonly string[]): fc.Arbitrary<Omit<ActivityInput, 'id'>> {
  return fc
    .record({
      type: fc.constantFrom(...types),
      date: activityDay.map(formatDate),
      span: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      hours: fc.integer({ min: 0, max: 4000 }).map((hundredths) => hundredths / 100),
      categories: fc.subarray(['legal', 'ethics']),
      approved: fc.boolean(),
    })
    .map(({ span, ...activity }) => ({
      ...activity,
      endDate: span === null ? null : formatDate(requireDate(activity.date) + span),
    }));
}

const withIds = (activities: Omit<ActivityInput, 'id'>[]): ActivityInput[] =>
  activities.map((activity, index) => ({ id: `a${index + 1}`, ...activity }));

const inputArb: fc.Arbitrary<EvaluateInput> = fc.constantFrom(...PROGRAM_SETS).chain((programs) =>
  fc.record({
    asOf: day.map(formatDate),
    certifications: fc.tuple(...programs.map(certificationArb)),
    activities: fc.array(activityArb(typesFor(programs)), { maxLength: 25 }).map(withIds),
  }),
);

/** Hours as exact hundredths, so sums are compared without floating-point noise. */
const hundredths = (value: number) => Math.round(value * 100);

describe('evaluate() properties', () => {
  it('the generated inputs are valid input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(() => parseEvaluateInput(input, registry)).not.toThrow();
      }),
    );
  });

  it('adding an activity never lowers the earned total or any earned minimum', () => {
    const arb = inputArb.chain((input) =>
      fc.tuple(fc.constant(input), activityArb(typesFor(input.certifications.map((c) => c.program)))),
    );
    fc.assert(
      fc.property(arb, ([input, extra]) => {
        const before = evaluate(input, registry).certifications;
        const after = evaluate(
          { ...input, activities: [...input.activities, { id: 'extra', ...extra }] },
          registry,
        ).certifications;
        before.forEach((result, i) => {
          const grown = after[i]!;
          expect(grown.earned.total).toBeGreaterThanOrEqual(result.earned.total);
          for (const [key, value] of Object.entries(result.earned.minimums)) {
            expect(grown.earned.minimums[key]).toBeGreaterThanOrEqual(value);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never earns more than claimed, in total or per activity', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const claimed = input.activities.reduce((sum, activity) => sum + hundredths(activity.hours), 0);
        for (const result of evaluate(input, registry).certifications) {
          expect(hundredths(result.earned.total)).toBeLessThanOrEqual(claimed);
          expect(result.credits).toHaveLength(input.activities.length);
          for (const line of result.credits) {
            expect(line.credits).toBeGreaterThanOrEqual(0);
            expect(line.credits).toBeLessThanOrEqual(line.claimed);
            // A reason is given exactly when an activity counts less than claimed (a 0-hour claim may carry one).
            if (line.reason === undefined) expect(line.credits).toBe(line.claimed);
            else expect(line.credits < line.claimed || line.claimed === 0).toBe(true);
            if (line.reason !== undefined) expect(line.explanation).toBeTruthy();
          }
          const sumOfLines = result.credits.reduce((sum, line) => sum + hundredths(line.credits), 0);
          expect(hundredths(result.earned.total)).toBe(sumOfLines);
          for (const [key, value] of Object.entries(result.earned.minimums)) {
            const toward = result.credits.filter((line) => line.countsToward.includes(key));
            expect(hundredths(value)).toBe(toward.reduce((sum, line) => sum + hundredths(line.credits), 0));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result under any permutation of the activities', () => {
    const arb = inputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray([...input.activities], { minLength: input.activities.length, maxLength: input.activities.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        const expected: EvaluateResult = evaluate(input, registry);
        expect(evaluate({ ...input, activities: shuffled }, registry)).toEqual(expected);
        expect(evaluate({ ...input, activities: [...input.activities].reverse() }, registry)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('summarize() gives the same result as evaluate() without the credit lines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const full = evaluate(input, registry);
        const withoutLines = { ...full, certifications: full.certifications.map(({ credits: _credits, ...rest }) => rest) };
        expect(summarize(input, registry)).toEqual(withoutLines);
      }),
    );
  });

  it('compliant exactly when nothing is missing, which is when every requirement is met', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const result of evaluate(input, registry).certifications) {
          expect(result.compliant).toBe(result.missing.length === 0);
          const met =
            result.earned.total >= result.required.total &&
            Object.entries(result.required.minimums).every(([key, need]) => (result.earned.minimums[key] ?? 0) >= need);
          expect(result.compliant).toBe(met);
          expect(Object.keys(result.earned.minimums)).toEqual(Object.keys(result.required.minimums));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the cycle is inclusive at both ends; the day before and the day after count nothing', () => {
    const eligible: Record<string, Omit<ActivityInput, 'id' | 'date'>> = {
      namss: { type: 'conference', hours: 3.25 },
      techserve: { type: 'external', hours: 3.25, approved: true },
      ser: { type: 'course', hours: 3.25 },
    };
    const arb = fc
      .constantFrom(...registry.list().map((policy) => policy.id))
      .chain((program) => fc.tuple(certificationArb(program), fc.integer({ min: 1, max: 2000 })));
    fc.assert(
      fc.property(arb, ([certification, daysAfterEnd]) => {
        const probe = evaluate({ asOf: certification.awarded, certifications: [certification], activities: [] }, registry);
        const { start, end } = probe.certifications[0]!.cycle;
        const startDay = requireDate(start);
        const endDay = requireDate(end);
        const template = eligible[certification.program.split('/')[0]!]!;
        const at = (id: string, dayNumber: number): ActivityInput => ({ id, ...template, date: formatDate(dayNumber) });
        const input: EvaluateInput = {
          asOf: formatDate(endDay + daysAfterEnd),
          certifications: [certification],
          activities: [
            at('on-start', startDay),
            at('on-end', endDay),
            at('before-start', startDay - 1),
            at('after-end', endDay + 1),
          ],
        };
        const result = evaluate(input, registry).certifications[0]!;
        expect(result.cycle).toEqual(probe.certifications[0]!.cycle);
        const line = (id: string) => result.credits.find((l) => l.activity === id)!;
        expect(line('on-start')).toMatchObject({ credits: 3.25 });
        expect(line('on-start').reason).toBeUndefined();
        expect(line('on-end')).toMatchObject({ credits: 3.25 });
        expect(line('on-end').reason).toBeUndefined();
        const firstCycleStart = start === certification.awarded;
        expect(line('before-start')).toMatchObject({ credits: 0, reason: firstCycleStart ? 'before-award' : 'outside-cycle' });
        expect(line('after-end')).toMatchObject({ credits: 0, reason: 'outside-cycle' });
        expect(result.earned.total).toBe(6.5);
      }),
      { numRuns: 500 },
    );
  });

  it('a cycle starts after renewedThrough and on or after the award, and ends after it starts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        evaluate(input, registry).certifications.forEach((result, i) => {
          const certification = input.certifications[i]!;
          expect(result.cycle.start >= certification.awarded).toBe(true);
          if (certification.renewedThrough) expect(result.cycle.start > certification.renewedThrough).toBe(true);
          expect(result.cycle.end >= result.cycle.start).toBe(true);
          expect(result.deadlines.due >= result.cycle.end).toBe(true);
        });
      }),
    );
  });

  it('status never goes backwards as asOf increases (active → renewal-open → late → lapsed → expired)', () => {
    const arb = fc.tuple(inputArb, day, day);
    fc.assert(
      fc.property(arb, ([input, a, b]) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const on = (asOf: number) => evaluate({ ...input, asOf: formatDate(asOf) }, registry).certifications;
        const first = on(earlier);
        const second = on(later);
        first.forEach((result, i) => {
          expect(STATUSES.indexOf(second[i]!.status)).toBeGreaterThanOrEqual(STATUSES.indexOf(result.status));
        });
      }),
      { numRuns: 500 },
    );
  });
});
