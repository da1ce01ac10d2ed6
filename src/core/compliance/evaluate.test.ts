/**
 * The engine against every NAMSS and SER number and date in the seeds (003, 002),
 * the contract example, and each reason an activity can count less than
 * claimed. TechServe (seeds 000, 001) is in evaluate.techserve.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../policies/builtin/index';
import { buildActivity, buildCertification, buildEvaluateInput, resetFactoryIds } from '../testing/factories';
import { evaluate } from './evaluate';
import { parseEvaluateInput, parseEvaluateJson } from './evaluate-input';
import type { ActivityInput, CertificationInput, CertificationResult, CreditLine, EvaluateInput } from './evaluate-types';

const registry = builtinRegistry();

function evaluateOne(input: EvaluateInput, program?: string): CertificationResult {
  const results = evaluate(input, registry).certifications;
  const result = program ? results.find((r) => r.program === program) : results[0];
  if (!result) throw new Error(`no result for ${program}`);
  return result;
}

function lineOf(result: CertificationResult, activity: string): CreditLine {
  const line = result.credits.find((l) => l.activity === activity);
  if (!line) throw new Error(`no credit line for ${activity}`);
  return line;
}

beforeEach(() => resetFactoryIds());

describe('the contract example (NAMSS CPCS, asOf 2022-10-01)', () => {
  const json = JSON.stringify({
    asOf: '2022-10-01',
    certifications: [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
    activities: [
      { id: 'a1', type: 'webinar', date: '2020-01-15', hours: 5, approved: true },
      { id: 'a2', type: 'conference', date: '2021-05-03', endDate: '2021-05-05', hours: 3, approved: true },
      { id: 'a3', type: 'online-course', date: '2022-03-01', hours: 4 },
      { id: 'a4', type: 'webinar', date: '2019-11-20', hours: 2, approved: true },
      { id: 'a5', type: 'webinar', date: '2022-11-01', hours: 2, approved: true },
    ],
  });
  const parsed = parseEvaluateJson(json, registry);
  const result = evaluateOne({ ...parsed, asOf: parsed.asOf ?? '' });

  it('gives the cycle, requirement, status and deadlines of the issue', () => {
    expect(result.program).toBe('namss/cpcs');
    expect(result.cycle).toMatchObject({ start: '2019-12-02', end: '2022-12-01' });
    expect(result.required).toEqual({ total: 30, minimums: { approved: 15 } });
    expect(result.status).toBe('renewal-open');
    expect(result.deadlines).toMatchObject({
      opens: '2022-08-01',
      due: '2022-12-01',
      lateUntil: '2022-12-31',
      graceUntil: '2023-06-01',
    });
  });

  it('earns 12 credits, 8 approved, and misses exactly 18 credits and 7 approved credits', () => {
    expect(result.earned).toEqual({ total: 12, minimums: { approved: 8 } });
    expect(result.missing).toEqual(['18 more credits', '7 more approved credits']);
    expect(result.compliant).toBe(false);
    expect(result.credits.map((l) => [l.activity, l.credits, l.reason ?? null])).toEqual([
      ['a4', 0, 'outside-cycle'],
      ['a1', 5, null],
      ['a2', 3, null],
      ['a3', 4, null],
      ['a5', 0, 'after-as-of'],
    ]);
    expect(lineOf(result, 'a1').countsToward).toEqual(['approved']);
    expect(lineOf(result, 'a3').countsToward).toEqual([]);
  });
});

describe('NAMSS cycles (fixed, December 2 to December 1 three years later)', () => {
  it.each([
    // awarded, renewedThrough, start, end, index
    ['2019-06-15', null, '2019-06-15', '2022-12-01', 1],
    ['2019-12-02', null, '2019-12-02', '2022-12-01', 1],
    ['2019-12-01', null, '2019-12-01', '2022-12-01', 1],
    ['2019-01-01', null, '2019-01-01', '2022-12-01', 1],
    ['2020-01-10', null, '2020-01-10', '2023-12-01', 1],
    ['2013-04-01', '2019-12-01', '2019-12-02', '2022-12-01', 3],
    ['2013-04-01', '2022-12-01', '2022-12-02', '2025-12-01', 4],
    ['2019-06-15', '2022-12-01', '2022-12-02', '2025-12-01', 2],
  ])('awarded %s, renewed through %s: %s..%s (cycle %i)', (awarded, renewedThrough, start, end, index) => {
    const result = evaluateOne(buildEvaluateInput({ certifications: [buildCertification({ awarded, renewedThrough })] }));
    expect(result.cycle).toEqual({ start, end, index });
  });

  it('deadlines of the cycle ending 2022-12-01, including the extension', () => {
    const result = evaluateOne(buildEvaluateInput());
    expect(result.deadlines).toEqual({
      opens: '2022-08-01',
      due: '2022-12-01',
      lateUntil: '2022-12-31',
      graceUntil: '2023-06-01',
      extensionRequestBy: '2022-12-01',
      extendedDue: '2023-06-01',
    });
  });

  it.each([
    ['2019-06-15', 'active'],
    ['2022-07-31', 'active'],
    ['2022-08-01', 'renewal-open'],
    ['2022-12-01', 'renewal-open'],
    ['2022-12-02', 'late'],
    ['2022-12-31', 'late'],
    ['2023-01-01', 'lapsed'],
    ['2023-06-01', 'lapsed'],
    ['2023-06-02', 'expired'],
    ['2026-01-01', 'expired'],
  ])('status on %s is %s (awarded 2019-06-15, never renewed)', (asOf, status) => {
    expect(evaluateOne(buildEvaluateInput({ asOf })).status).toBe(status);
  });
});

describe('NAMSS requirements: single and dual certificants', () => {
  const cpcs = (awarded: string, renewedThrough: string | null): CertificationInput => ({
    program: 'namss/cpcs',
    awarded,
    renewedThrough,
  });
  const cpmsm = (awarded: string, renewedThrough: string | null): CertificationInput => ({
    program: 'namss/cpmsm',
    awarded,
    renewedThrough,
  });

  it.each<[string, CertificationInput[], number, number]>([
    ['CPCS only', [cpcs('2019-06-15', null)], 30, 15],
    ['CPMSM only', [cpmsm('2013-04-01', '2019-12-01')], 30, 15],
    ['dual, renewed together before', [cpcs('2013-04-01', '2019-12-01'), cpmsm('2016-05-01', '2019-12-01')], 45, 25],
    ['dual, listed the other way round', [cpmsm('2016-05-01', '2019-12-01'), cpcs('2013-04-01', '2019-12-01')], 45, 25],
    [
      'dual for the first time: newest award after the other renewal',
      [cpcs('2013-04-01', '2019-12-01'), cpmsm('2020-02-01', null)],
      30,
      15,
    ],
    ['dual for the first time: newest never renewed', [cpcs('2013-04-01', '2019-12-01'), cpmsm('2019-03-01', null)], 30, 15],
    ['dual for the first time: both new', [cpcs('2019-06-15', null), cpmsm('2019-06-15', null)], 30, 15],
    [
      'dual: newest award on the day the other was renewed through',
      [cpcs('2013-04-01', '2019-12-01'), cpmsm('2019-12-01', '2019-12-01')],
      45,
      25,
    ],
    [
      'dual for the first time: newest award the day after',
      [cpcs('2013-04-01', '2019-12-01'), cpmsm('2019-12-02', '2022-12-01')],
      30,
      15,
    ],
  ])('%s → %i credits, %i approved', (_name, certifications, total, approved) => {
    const results = evaluate(buildEvaluateInput({ certifications }), registry).certifications;
    expect(results).toHaveLength(certifications.length);
    for (const result of results) {
      expect(result.required).toEqual({ total, minimums: { approved } });
      const others = certifications.map((c) => c.program).filter((p) => p !== result.program);
      expect(result.sharedWith).toEqual(others);
    }
  });

  it('a dual certificant earns the same credit on both entries', () => {
    const certifications = [cpcs('2013-04-01', '2019-12-01'), cpmsm('2016-05-01', '2019-12-01')];
    const activities = [
      buildActivity({ hours: 20, approved: true, date: '2020-05-01' }),
      buildActivity({ type: 'conference', hours: 26, date: '2021-05-01' }),
    ];
    const [first, second] = evaluate(buildEvaluateInput({ certifications, activities }), registry).certifications;
    for (const result of [first, second]) {
      expect(result?.earned).toEqual({ total: 46, minimums: { approved: 20 } });
      expect(result?.missing).toEqual(['5 more approved credits']);
    }
  });

  it('notes the first-time dual placeholder only when credit is shared', () => {
    const single = evaluateOne(buildEvaluateInput());
    const dual = evaluateOne(buildEvaluateInput({ certifications: [cpcs('2019-06-15', null), cpmsm('2019-06-15', null)] }));
    expect(single.notes.some((n) => n.startsWith('credit.sharing.firstTimeCombined'))).toBe(false);
    expect(dual.notes.some((n) => n.startsWith('credit.sharing.firstTimeCombined'))).toBe(true);
  });

  it.each(['webinar', 'other', 'journal-club', 'Grand Rounds (hospital)'])('any activity type ("%s") earns its hours', (type) => {
    const input = parseEvaluateInput(
      buildEvaluateInput({ activities: [buildActivity({ type, hours: 2.75, date: '2021-02-01' })] }),
      registry,
    );
    const result = evaluateOne({ ...input, asOf: '2022-10-01' });
    expect(result.credits).toEqual([{ activity: 'a1', claimed: 2.75, credits: 2.75, countsToward: [] }]);
    expect(result.earned.total).toBe(2.75);
  });

  it('pace is an even spread over the cycle (NAMSS has no yearly rate)', () => {
    const result = evaluateOne(buildEvaluateInput({ asOf: '2022-12-01' }));
    expect(result.pace).toEqual({ basis: 'even', expected: 30, earned: 0, onTrack: false, behindBy: 30 });
  });
});

describe('SER CERP (seed 002 gives no renewal numbers)', () => {
  const input = buildEvaluateInput({
    asOf: '2023-03-09',
    certifications: [{ program: 'ser/cerp', awarded: '2020-03-10' }],
    activities: [
      buildActivity({ type: 'workshop', hours: 12.5, date: '2021-06-01' }),
      buildActivity({ type: 'symposium', hours: 20, date: '2022-06-01' }),
    ],
  });
  const result = evaluateOne(input);

  it('evaluates with the configured placeholder values', () => {
    expect(result).toMatchObject({
      designation: 'CERP',
      unit: { one: 'CEC', many: 'CECs' },
      cycle: { start: '2020-03-10', end: '2023-03-09', index: 1 },
      required: { total: 30, minimums: {} },
      earned: { total: 32.5, minimums: {} },
      compliant: true,
      missing: [],
      status: 'active',
    });
  });

  it('flags the placeholders in its notes, credit.total among them', () => {
    expect(result.notes.length).toBeGreaterThan(0);
    const total = result.notes.find((n) => n.startsWith('credit.total'));
    expect(total).toMatch(/placeholder/);
    expect(result.notes.some((n) => n.startsWith('cycle.years'))).toBe(true);
  });

  it('says "1 more CEC" in the singular', () => {
    const short = evaluateOne({ ...input, activities: [buildActivity({ type: 'course', hours: 29, date: '2021-01-01' })] });
    expect(short.missing).toEqual(['1 more CEC']);
  });
});

describe('reasons an activity counts less than claimed', () => {
  const namss = buildCertification({ program: 'namss/cpcs', awarded: '2013-04-01', renewedThrough: '2019-12-01' });
  const techserve = buildCertification({ program: 'techserve/cpsr-1', awarded: '2020-03-10' });
  const ser = buildCertification({ program: 'ser/cerp', awarded: '2020-03-10' });

  it.each<[string, CertificationInput[], string, Partial<ActivityInput>, number, string, string[]]>([
    // name, held, evaluated program, activity, credits, reason, words in the explanation
    ['after-as-of', [namss], 'namss/cpcs', { date: '2022-10-02', hours: 3 }, 0, 'after-as-of', ['2022-10-02', '2022-10-01']],
    [
      'after-as-of (multi-day, ends later)',
      [namss],
      'namss/cpcs',
      { date: '2022-09-30', endDate: '2022-10-02' },
      0,
      'after-as-of',
      ['2022-10-02'],
    ],
    ['before-award', [buildCertification()], 'namss/cpcs', { date: '2019-06-14', hours: 3 }, 0, 'before-award', ['2019-06-15']],
    ['outside-cycle', [namss], 'namss/cpcs', { date: '2019-12-01', hours: 3 }, 0, 'outside-cycle', ['2019-12-02', '2022-12-01']],
    ['not-approved', [techserve], 'techserve/cpsr-1', { type: 'external', hours: 5 }, 0, 'not-approved', ['approval']],
    ['capped (per activity)', [techserve], 'techserve/cpsr-1', { type: 'webinar', hours: 1.5 }, 1, 'capped', ['1 contact hour']],
    [
      'capped (hours)',
      [techserve],
      'techserve/cpsr-1',
      { type: 'annual-conference', hours: 20 },
      16,
      'capped',
      ['16 contact hours'],
    ],
    [
      'type-not-accepted',
      [techserve, ser],
      'ser/cerp',
      { type: 'chapter-event', hours: 1 },
      0,
      'type-not-accepted',
      ['chapter-event', 'CERP'],
    ],
  ])('%s', (_name, certifications, program, activity, credits, reason, words) => {
    const result = evaluateOne(
      buildEvaluateInput({ certifications, activities: [buildActivity({ date: '2021-01-15', ...activity })] }),
      program,
    );
    const line = lineOf(result, 'a1');
    expect(line.credits).toBe(credits);
    expect(line.reason).toBe(reason);
    expect(line.explanation?.length).toBeGreaterThan(0);
    for (const word of words) expect(line.explanation).toContain(word);
  });

  it('the type one held program refuses still counts for the program that accepts it', () => {
    const input = buildEvaluateInput({
      certifications: [techserve, ser],
      activities: [buildActivity({ type: 'chapter-event' })],
    });
    expect(lineOf(evaluateOne(input, 'techserve/cpsr-1'), 'a1')).toEqual({
      activity: 'a1',
      claimed: 1,
      credits: 1,
      countsToward: [],
    });
  });

  it.each([
    ['dated on the as-of date', { date: '2022-10-01' }],
    ['dated on the award date', { date: '2019-06-15' }],
    ['starting before the award, ending after it', { date: '2019-06-10', endDate: '2019-06-16' }],
  ])('an activity %s counts fully, with no reason', (_name, dates) => {
    const result = evaluateOne(buildEvaluateInput({ activities: [buildActivity({ hours: 4, ...dates })] }));
    expect(lineOf(result, 'a1')).toEqual({ activity: 'a1', claimed: 4, credits: 4, countsToward: [] });
  });

  it('an activity of 0 hours earns 0 with no reason (it did not count less than claimed), toward no minimum', () => {
    const result = evaluateOne(buildEvaluateInput({ activities: [buildActivity({ hours: 0, approved: true })] }));
    expect(lineOf(result, 'a1')).toEqual({ activity: 'a1', claimed: 0, credits: 0, countsToward: [] });
  });
});
