/**
 * Untrusted input: parseEvaluateJson/parseEvaluateInput refuse bad input with one
 * RecertError('invalid-input') whose issues name the item and the field at fault.
 */
import { describe, expect, it } from 'vitest';
import { RecertError, type FieldIssue } from '../errors';
import { builtinRegistry } from '../policies/builtin/index';
import { evaluate } from './evaluate';
import { parseEvaluateInput, parseEvaluateJson } from './evaluate-input';

const registry = builtinRegistry();

const NAMSS = { program: 'namss/cpcs', awarded: '2019-06-15' };
const TECHSERVE = { program: 'techserve/cpsr-1', awarded: '2020-03-10' };
const webinar = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'webinar',
  date: '2021-01-15',
  hours: 1,
  ...extra,
});

function inputJson(certifications: unknown[], activities: unknown[], asOf: unknown = '2022-10-01'): string {
  return JSON.stringify({ asOf, certifications, activities });
}

/** The RecertError thrown by `run`, or a failed expectation when nothing (or something else) is thrown. */
function refusal(run: () => unknown): RecertError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecertError);
    return error as RecertError;
  }
  expect.fail('expected the input to be refused');
}

const paths = (issues: readonly FieldIssue[]) => issues.map((issue) => issue.path);

describe('parseEvaluateJson refuses bad input, naming the item and field', () => {
  it.each<[string, string, string, RegExp]>([
    // name, input text, path of the issue, its message
    ['not JSON', '{"asOf": "2022-10-01",', '(input)', /JSON/],
    ['empty text', '', '(input)', /JSON/],
    [
      'unknown program',
      inputJson([{ program: 'namss/cpxx', awarded: '2019-06-15' }], []),
      'certifications[0].program',
      /unknown program "namss\/cpxx"/,
    ],
    [
      'impossible activity date',
      inputJson([NAMSS], [webinar('a1', { date: '2021-02-30' })]),
      'activities[0] (id "a1").date',
      /2021-02-30/,
    ],
    ['impossible award date', inputJson([{ ...NAMSS, awarded: '2021-02-29' }], []), 'certifications[0].awarded', /2021-02-29/],
    ['impossible as-of date', inputJson([NAMSS], [], '2023-13-01'), 'asOf', /2023-13-01/],
    [
      'date not written YYYY-MM-DD',
      inputJson([NAMSS], [webinar('a1', { date: '2021-2-1' })]),
      'activities[0] (id "a1").date',
      /calendar date/,
    ],
    [
      'negative hours',
      inputJson([NAMSS], [webinar('a1'), webinar('a2', { hours: -2 })]),
      'activities[1] (id "a2").hours',
      /negative/,
    ],
    [
      'non-numeric hours',
      inputJson([NAMSS], [webinar('a1'), webinar('a2', { hours: '3' })]),
      'activities[1] (id "a2").hours',
      /number/,
    ],
    [
      'missing hours',
      inputJson([NAMSS], [{ id: 'a1', type: 'webinar', date: '2021-01-15' }]),
      'activities[0] (id "a1").hours',
      /number/,
    ],
    [
      'unknown activity type',
      inputJson([TECHSERVE], [webinar('a1', { type: 'podcast-quiz' })]),
      'activities[0] (id "a1").type',
      /podcast-quiz/,
    ],
    [
      'duplicate activity ids',
      inputJson([NAMSS], [webinar('a1'), webinar('a2'), webinar('a1')]),
      'activities[2] (id "a1").id',
      /duplicate/,
    ],
    [
      'renewedThrough before awarded',
      inputJson([{ ...NAMSS, renewedThrough: '2019-06-14' }], []),
      'certifications[0].renewedThrough',
      /before/,
    ],
    [
      'endDate before date',
      inputJson([NAMSS], [webinar('a1', { endDate: '2021-01-14' })]),
      'activities[0] (id "a1").endDate',
      /before/,
    ],
    ['the same program twice', inputJson([NAMSS, NAMSS], []), 'certifications[1].program', /twice/],
    ['no certification', inputJson([], []), 'certifications', /at least one/],
    ['an unknown field', JSON.stringify({ asOf: '2022-10-01', certifications: [NAMSS], activites: [] }), '(input)', /activites/],
    ['an activity without an id', inputJson([NAMSS], [webinar('')]), 'activities[0].id', /required/],
  ])('%s', (_name, text, path, message) => {
    const error = refusal(() => parseEvaluateJson(text, registry));
    expect(error.code).toBe('invalid-input');
    expect(error.issues.length).toBeGreaterThan(0);
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, `issues were ${JSON.stringify(error.issues)}`).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('an activity type one held program refuses is accepted when another held program takes it', () => {
    const text = inputJson(
      [TECHSERVE, { program: 'ser/cerp', awarded: '2020-03-10' }],
      [webinar('a1', { type: 'chapter-event' })],
    );
    expect(() => parseEvaluateJson(text, registry)).not.toThrow();
    expect(() =>
      parseEvaluateJson(
        inputJson([{ program: 'ser/cerp', awarded: '2020-03-10' }], [webinar('a1', { type: 'chapter-event' })]),
        registry,
      ),
    ).toThrow(RecertError);
  });

  it('lists every problem of one input at once', () => {
    const text = inputJson(
      [
        { ...NAMSS, renewedThrough: '2018-01-01' },
        { program: 'nobody/x', awarded: '2020-02-30' },
      ],
      [webinar('a1', { hours: -1 }), webinar('a2', { date: '2021-02-29' }), webinar('a1', { endDate: '2021-01-01' })],
    );
    const error = refusal(() => parseEvaluateJson(text, registry));
    expect(error.code).toBe('invalid-input');
    expect(paths(error.issues)).toEqual(
      expect.arrayContaining([
        'certifications[0].renewedThrough',
        'certifications[1].program',
        'certifications[1].awarded',
        'activities[0] (id "a1").hours',
        'activities[1] (id "a2").date',
        'activities[2] (id "a1").id',
        'activities[2] (id "a1").endDate',
      ]),
    );
  });

  it('an unreadable date is not also compared with the other date (no spurious "before" issue)', () => {
    const text = inputJson(
      [{ ...NAMSS, awarded: '2019-6-15', renewedThrough: '2019-06-30' }],
      [webinar('a1', { date: '2021-1-05', endDate: '2021-01-06' })],
    );
    expect(paths(refusal(() => parseEvaluateJson(text, registry)).issues)).toEqual([
      'certifications[0].awarded',
      'activities[0] (id "a1").date',
    ]);
  });

  it('still lists the cross-field problems when some field has the wrong type', () => {
    const text = inputJson(
      [{ ...NAMSS, renewedThrough: '2018-01-01' }],
      [webinar('a1', { hours: 'two' }), webinar('a1'), webinar('a3', { type: 'x', endDate: '2021-01-01' })],
    );
    const error = refusal(() => parseEvaluateJson(text, registry));
    expect(paths(error.issues)).toEqual(
      expect.arrayContaining([
        'activities[0] (id "a1").hours',
        'certifications[0].renewedThrough',
        'activities[1] (id "a1").id',
        'activities[2] (id "a3").endDate',
      ]),
    );
  });
});

describe('valid input', () => {
  it('is returned as parsed, and evaluates', () => {
    const raw = {
      asOf: '2022-10-01',
      certifications: [{ ...NAMSS, renewedThrough: null }],
      activities: [webinar('a1', { hours: 2.5, approved: true, categories: ['legal'], endDate: null, title: 'Bylaws 101' })],
    };
    const parsed = parseEvaluateInput(raw, registry);
    expect(parsed).toEqual(raw);
    const result = evaluate({ ...parsed, asOf: '2022-10-01' }, registry);
    expect(result.certifications[0]?.earned).toEqual({ total: 2.5, minimums: { approved: 2.5 } });
  });

  it('may leave out asOf (the caller supplies today) and activities', () => {
    const parsed = parseEvaluateInput({ certifications: [NAMSS] }, registry);
    expect(parsed.asOf).toBeUndefined();
    expect(parsed.activities).toEqual([]);
  });

  it('accepts a leap day and renewedThrough equal to awarded', () => {
    const raw = {
      asOf: '2020-02-29',
      certifications: [{ ...NAMSS, awarded: '2020-02-29', renewedThrough: '2020-02-29' }],
      activities: [],
    };
    expect(() => parseEvaluateInput(raw, registry)).not.toThrow();
  });
});
