/**
 * The engine against every TechServe Alliance number and date in seeds 000 and 001:
 * anniversary cycles, 24 contact hours with 6 legal, per-source credit, advance
 * approval, shared credit across certifications, status and pace.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../policies/builtin/index';
import { buildActivities, buildActivity, buildCertification, buildEvaluateInput, resetFactoryIds } from '../testing/factories';
import { evaluate } from './evaluate';
import type { ActivityInput, CertificationResult, EvaluateInput } from './evaluate-types';

const registry = builtinRegistry();
const CPSR_1 = buildCertification({ program: 'techserve/cpsr-1', awarded: '2020-03-10' });

function evaluateOne(input: EvaluateInput): CertificationResult {
  const result = evaluate(input, registry).certifications[0];
  if (!result) throw new Error('no result');
  return result;
}

/** CPSR I awarded 2020-03-10, evaluated on 2022-10-01 unless told otherwise. */
function cpsr(activities: ActivityInput[], asOf = '2022-10-01'): CertificationResult {
  return evaluateOne(buildEvaluateInput({ asOf, certifications: [CPSR_1], activities }));
}

beforeEach(() => resetFactoryIds());

describe('anniversary cycles: three years from the date first awarded', () => {
  it.each([
    // awarded, renewedThrough, start, end, index
    ['2020-03-10', null, '2020-03-10', '2023-03-09', 1],
    ['2020-03-10', '2023-03-09', '2023-03-10', '2026-03-09', 2],
    ['2020-03-10', '2026-03-09', '2026-03-10', '2029-03-09', 3],
    ['2021-01-01', null, '2021-01-01', '2023-12-31', 1],
    ['2021-12-31', null, '2021-12-31', '2024-12-30', 1],
    // A leap-day award: the third anniversary is 2023-02-28 (Temporal constrains Feb 29), the cycle ends the day before.
    ['2020-02-29', null, '2020-02-29', '2023-02-27', 1],
    ['2020-02-29', '2023-02-27', '2023-02-28', '2026-02-27', 2],
    ['2020-02-29', '2029-02-27', '2029-02-28', '2032-02-28', 4],
  ])('awarded %s, renewed through %s: %s..%s (cycle %i)', (awarded, renewedThrough, start, end, index) => {
    const certifications = [buildCertification({ program: 'techserve/cpsae-2', awarded, renewedThrough })];
    expect(evaluateOne(buildEvaluateInput({ certifications })).cycle).toEqual({ start, end, index });
  });
});

describe('requirement: 24 contact hours, at least 6 on employment law or other legal issues', () => {
  it.each(['techserve/cpsr-1', 'techserve/cpsr-2', 'techserve/cpsae-1', 'techserve/cpsae-2'])('%s', (program) => {
    const result = evaluateOne(buildEvaluateInput({ certifications: [buildCertification({ program, awarded: '2020-03-10' })] }));
    expect(result.required).toEqual({ total: 24, minimums: { legal: 6 } });
    expect(result.unit).toEqual({ one: 'contact hour', many: 'contact hours' });
    expect(result.sharedWith).toEqual([]);
  });

  it.each([
    ['CPSR I and CPSAE I', ['techserve/cpsr-1', 'techserve/cpsae-1']],
    ['CPSR I and CPSR II', ['techserve/cpsr-1', 'techserve/cpsr-2']],
    ['all four', ['techserve/cpsr-1', 'techserve/cpsr-2', 'techserve/cpsae-1', 'techserve/cpsae-2']],
  ])('holding %s needs 24 hours in total, shared', (_name, programs) => {
    const certifications = programs.map((program) => buildCertification({ program, awarded: '2020-03-10' }));
    const activities = buildActivities(2, { type: 'training-program', hours: 8, date: '2021-04-01' });
    const results = evaluate(buildEvaluateInput({ certifications, activities }), registry).certifications;
    for (const result of results) {
      expect(result.required).toEqual({ total: 24, minimums: { legal: 6 } });
      expect(result.sharedWith).toEqual(programs.filter((p) => p !== result.program));
      expect(result.earned.total).toBe(16);
      expect(result.missing).toEqual(['8 more contact hours', '6 more legal contact hours']);
    }
  });

  it('legal sessions count toward both the total and the legal minimum', () => {
    const result = cpsr([buildActivity({ type: 'training-program', hours: 6, categories: ['legal'] })]);
    expect(result.credits[0]?.countsToward).toEqual(['legal']);
    expect(result.earned).toEqual({ total: 6, minimums: { legal: 6 } });
  });
});

describe('credit per source', () => {
  it.each<[string, number, boolean, number, string | null]>([
    // type, hours claimed, approved, credits, reason
    ['webinar', 1, false, 1, null],
    ['webinar', 1.5, false, 1, 'capped'],
    ['webinar', 0.5, false, 0.5, null],
    ['chapter-event', 1.5, false, 1, 'capped'],
    ['chapter-event', 1, false, 1, null],
    ['archived-session', 1.5, false, 1, 'capped'],
    ['archived-session', 1, true, 1, null],
    ['training-program', 8, false, 8, null],
    ['training-program', 10, false, 8, 'capped'],
    ['training-program', 6.5, false, 6.5, null],
    ['annual-conference', 16, false, 16, null],
    ['annual-conference', 20, false, 16, 'capped'],
    ['annual-conference', 12.25, false, 12.25, null],
    ['external', 12, false, 0, 'not-approved'],
    ['external', 12, true, 12, null],
    ['external', 30, true, 30, null],
  ])('%s claiming %d h (approved: %s) earns %d (reason %s)', (type, hours, approved, credits, reason) => {
    const line = cpsr([buildActivity({ type, hours, approved, date: '2021-05-05' })]).credits[0];
    expect(line?.claimed).toBe(hours);
    expect(line?.credits).toBe(credits);
    expect(line?.reason ?? null).toBe(reason);
    if (reason) expect(line?.explanation).toBeTruthy();
  });

  it('caps apply per activity: three 1.5-hour webinars earn 3', () => {
    const result = cpsr(buildActivities(3, { type: 'webinar', hours: 1.5 }));
    expect(result.earned.total).toBe(3);
    expect(result.credits.map((l) => l.reason)).toEqual(['capped', 'capped', 'capped']);
  });
});

describe('missing, in contact hours', () => {
  const legal = (hours: number) => buildActivity({ type: 'external', approved: true, hours, categories: ['legal'] });
  const general = (hours: number) => buildActivity({ type: 'external', approved: true, hours });

  it.each<[string, string[], () => ActivityInput[]]>([
    ['nothing yet', ['24 more contact hours', '6 more legal contact hours'], () => []],
    ['23 hours, 6 legal', ['1 more contact hour'], () => [legal(6), general(17)]],
    ['24 hours, 5 legal', ['1 more legal contact hour'], () => [legal(5), general(19)]],
    ['24 hours, none legal', ['6 more legal contact hours'], () => [general(24)]],
    ['23.5 hours, 6 legal', ['0.5 more contact hours'], () => [legal(6), general(17.5)]],
    ['10 hours, 4.75 legal', ['14 more contact hours', '1.25 more legal contact hours'], () => [legal(4.75), general(5.25)]],
    ['24 hours, 6 legal', [], () => [legal(6), general(18)]],
    ['40 hours, 10 legal', [], () => [legal(10), general(30)]],
  ])('%s → %j', (_name, missing, activities) => {
    const result = cpsr(activities());
    expect(result.missing).toEqual(missing);
    expect(result.compliant).toBe(missing.length === 0);
  });
});

describe('status: no renewal window, late period or grace in the seeds', () => {
  it('deadlines are only the due date, at the end of the cycle', () => {
    expect(cpsr([]).deadlines).toEqual({
      opens: null,
      due: '2023-03-09',
      lateUntil: null,
      graceUntil: null,
      extensionRequestBy: null,
      extendedDue: null,
    });
  });

  it.each([
    ['2020-03-10', 'active'],
    ['2023-03-01', 'active'],
    ['2023-03-09', 'active'],
    ['2023-03-10', 'expired'],
    ['2030-01-01', 'expired'],
  ])('on %s: %s', (asOf, status) => {
    expect(cpsr([], asOf).status).toBe(status);
  });

  it('a renewed certification is active in its next cycle', () => {
    const certifications = [{ ...CPSR_1, renewedThrough: '2023-03-09' }];
    expect(evaluateOne(buildEvaluateInput({ asOf: '2023-03-10', certifications })).status).toBe('active');
  });

  it('notes every placeholder that shapes these deadlines, the missing extension rule included', () => {
    const notes = cpsr([]).notes;
    for (const path of ['renewal.opens', 'renewal.lateUntil', 'lapse.graceUntil', 'extension']) {
      expect(notes.some((note) => note.startsWith(`${path} `))).toBe(true);
    }
  });
});

describe('pace: 8 contact hours a year recommended', () => {
  it('uses the recommended yearly rate', () => {
    const pace = cpsr([buildActivity({ type: 'training-program', hours: 8, date: '2020-06-01' })], '2020-03-10').pace;
    expect(pace.basis).toBe('recommended-per-year');
  });

  it.each([
    // awarded, asOf, expected: 8 per full year of the cycle, never more than the 24 required
    ['2020-03-10', '2021-03-09', 8],
    ['2020-03-10', '2022-03-09', 16],
    ['2020-03-10', '2023-03-09', 24],
    ['2020-03-10', '2025-01-01', 24],
    // A cycle with a leap day (1,096 days) still expects no more than 24.
    ['2023-03-10', '2026-03-09', 24],
  ])('awarded %s, on %s someone on pace has %i', (awarded, asOf, expected) => {
    const certifications = [{ ...CPSR_1, awarded }];
    expect(evaluateOne(buildEvaluateInput({ asOf, certifications })).pace.expected).toBe(expected);
  });

  it('half way through the first year expects about 4', () => {
    const pace = cpsr([buildActivity({ type: 'training-program', hours: 3, date: '2020-05-01' })], '2020-09-08').pace;
    expect(pace.expected).toBeGreaterThan(3.9);
    expect(pace.expected).toBeLessThan(4.1);
    expect(pace.earned).toBe(3);
    expect(pace.onTrack).toBe(false);
    expect(pace.behindBy).toBeCloseTo(pace.expected - 3, 5);
  });

  it('is on track when earned reaches the expected amount', () => {
    const pace = cpsr([buildActivity({ type: 'training-program', hours: 8, date: '2020-05-01' })], '2021-01-01').pace;
    expect(pace).toMatchObject({ earned: 8, onTrack: true, behindBy: 0 });
  });
});
