import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/builtin';
import { attemptDeadline, endOfDayAt, secondsLeft, windowClosesOn, windowIsOpen } from './exam-window';
import { examFormSchema, publicationIssues, type ExamForm } from './exam-form';
import { gradeAnswers } from './grade';
import { itemStatistics } from './item-statistics';
import type { ExamPolicy } from '../policies/policy-schema';
import { passMarkOn } from './pass-mark';
import { approvedExperienceDays, missingPrerequisites } from './prerequisites';
import { retakeStatus } from './retake';

const cpsr1 = builtinPolicies.find((policy) => policy.id === 'techserve/cpsr-1')!;
const exam = cpsr1.exam as ExamPolicy;

describe('passMarkOn (TechServe Level I)', () => {
  it.each([
    ['2013-01-01', 70],
    ['2016-06-30', 70],
    ['2016-07-01', 80],
    ['2026-12-04', 80],
  ])('on %s the pass mark is %i %%', (on, percent) => {
    expect(passMarkOn(exam.passMarks, on)).toBe(percent);
  });
});

describe('the exam window (six months)', () => {
  it.each([
    ['2026-01-15', '2026-07-15'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-12-31', '2027-06-30'],
  ])('registered %s: the last day is %s', (registeredOn, last) => {
    expect(windowClosesOn(registeredOn, 6)).toBe(last);
  });

  it('an extension replaces the last day', () => {
    expect(windowClosesOn('2026-01-15', 6, '2026-09-30')).toBe('2026-09-30');
  });

  it.each([
    ['2026-01-14', false],
    ['2026-01-15', true],
    ['2026-07-15', true],
    ['2026-07-16', false],
  ])('on %s the window is open: %s', (today, open) => {
    expect(windowIsOpen('2026-01-15', '2026-07-15', today)).toBe(open);
  });

  it("ends at midnight in the body's zone, daylight saving included", () => {
    expect(endOfDayAt('2026-07-14', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(endOfDayAt('2026-01-14', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
  });
});

describe('attemptDeadline', () => {
  const windowEndsAt = endOfDayAt('2026-07-14', 'America/New_York');
  it.each([
    ['two hours to the second', '2026-03-02T14:00:00.000Z', 0, '2026-03-02T16:00:00.000Z'],
    ['milliseconds of the start dropped', '2026-03-02T14:00:00.999Z', 0, '2026-03-02T16:00:00.000Z'],
    ['an accommodation adds its minutes', '2026-03-02T14:00:00.000Z', 30, '2026-03-02T16:30:00.000Z'],
    ['never after the window ends', '2026-07-15T02:30:00.000Z', 0, '2026-07-15T04:00:00.000Z'],
    ['a start 2 h 0 min 1 s before the end gets the full two hours', '2026-07-15T01:59:59.000Z', 0, '2026-07-15T03:59:59.000Z'],
  ])('%s', (_name, startedAt, accommodationMinutes, deadline) => {
    expect(
      attemptDeadline({
        startedAt: new Date(startedAt),
        timeLimitMinutes: 120,
        accommodationMinutes,
        windowEndsAt,
      }).toISOString(),
    ).toBe(deadline);
  });

  it('counts whole seconds down to zero', () => {
    const deadline = new Date('2026-03-02T16:00:00Z');
    expect(secondsLeft(deadline, new Date('2026-03-02T14:00:00Z'))).toBe(7200);
    expect(secondsLeft(deadline, new Date('2026-03-02T15:59:59.001Z'))).toBe(0);
    expect(secondsLeft(deadline, new Date('2026-03-02T15:59:59Z'))).toBe(1);
    expect(secondsLeft(deadline, new Date('2026-03-02T16:00:01Z'))).toBe(0);
  });
});

describe('retakeStatus', () => {
  const base = { exam, registeredOn: '2026-01-15', closesOn: '2026-07-14', extended: false };
  it.each([
    ['no attempt yet', [], '2026-02-01', { kind: 'not-needed' }],
    ['passed', [true], '2026-02-01', { kind: 'not-needed' }],
    [
      'failed once, inside the window',
      [false],
      '2026-02-01',
      { kind: 'eligible', by: '2026-07-14', feeCents: 12500, retakesLeft: 1 },
    ],
    [
      'failed once, on the last day',
      [false],
      '2026-07-14',
      { kind: 'eligible', by: '2026-07-14', feeCents: 12500, retakesLeft: 1 },
    ],
    ['failed once, the day after the window', [false], '2026-07-15', { kind: 'period-over', by: '2026-07-14' }],
    ['failed twice', [false, false], '2026-02-01', { kind: 'exhausted', allowed: 1 }],
  ] as const)('%s', (_name, results, today, expected) => {
    expect(retakeStatus({ ...base, results: [...results], today })).toEqual(expected);
  });

  it('an extended window moves the retake period too', () => {
    expect(
      retakeStatus({ ...base, closesOn: '2026-09-30', extended: true, results: [false], today: '2026-09-01' }),
    ).toMatchObject({
      kind: 'eligible',
      by: '2026-09-30',
    });
  });
});

describe('missingPrerequisites (Level II)', () => {
  const cpsr2 = builtinPolicies.find((policy) => policy.id === 'techserve/cpsr-2')!;
  const prerequisites = { programs: cpsr2.prerequisites!.programs!, experienceYears: cpsr2.prerequisites!.experienceYears! };
  const designationOf = (program: string) => (program === 'techserve/cpsr-1' ? 'CPSR I' : program);
  const run = (held: string[], experience: Parameters<typeof missingPrerequisites>[0]['experience']) =>
    missingPrerequisites({ prerequisites, designationOf, heldPrograms: new Set(held), experience, today: '2026-12-04' });

  it('names both when both are missing', () => {
    expect(run([], []).map((m) => m.kind)).toEqual(['program', 'experience']);
    expect(run([], [])[0]!.message).toBe('CPSR I must be passed first');
  });
  it('counts only approved experience, and says what awaits review', () => {
    const missing = run(['techserve/cpsr-1'], [{ from: '2020-01-01', to: '2025-12-31', state: 'pending' }]);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('1 declaration awaiting review');
  });
  it.each([
    ['exactly two calendar years (730 days)', '2021-01-01', '2022-12-31', 0],
    ['one day short', '2021-01-02', '2022-12-31', 1],
    ['ongoing since two years ago', '2024-12-05', null, 0],
  ])('%s', (_name, from, to, count) => {
    expect(run(['techserve/cpsr-1'], [{ from, to, state: 'approved' }])).toHaveLength(count);
  });
  it('counts overlapping periods once', () => {
    expect(
      approvedExperienceDays(
        [
          { from: '2022-01-01', to: '2022-12-31', state: 'approved' },
          { from: '2022-06-01', to: '2023-05-31', state: 'approved' },
        ],
        '2026-01-01',
      ),
    ).toBe(365 + 151);
  });
});

const form: ExamForm = examFormSchema.parse({
  title: 'Sample',
  sections: [
    { key: 'law', label: 'Employment law' },
    { key: 'practice', label: 'Best practices' },
  ],
  items: [
    { id: 'q1', section: 'law', type: 'true-false', stem: 'Is A true?', key: true },
    {
      id: 'q2',
      section: 'law',
      type: 'multiple-choice',
      stem: 'B?',
      options: [
        { id: 'a', text: 'x' },
        { id: 'b', text: 'y' },
      ],
      key: 'b',
    },
    { id: 'q3', section: 'practice', type: 'true-false', stem: 'C?', key: false },
    { id: 'q4', section: 'practice', type: 'true-false', stem: 'D?', key: false },
    { id: 'q5', section: 'practice', type: 'true-false', stem: 'E?', key: true },
  ],
});

describe('gradeAnswers', () => {
  it('scores per section and counts unanswered items as wrong', () => {
    const grade = gradeAnswers(
      form,
      new Map([
        ['q1', 'true'],
        ['q2', 'a'],
        ['q3', 'false'],
        ['q4', 'false'],
      ]),
      80,
    );
    expect(grade).toMatchObject({ correct: 3, total: 5, answered: 4, percent: 60, passed: false });
    expect(grade.sections).toEqual([
      { key: 'law', label: 'Employment law', correct: 1, total: 2, percent: 50 },
      { key: 'practice', label: 'Best practices', correct: 2, total: 3, percent: 66.7 },
    ]);
  });
  it.each([
    [4, 80, true],
    [3, 80, false],
    [4, 70, true],
    [3, 70, false],
  ])('%i of 5 at %i %% passes: %s', (right, mark, passed) => {
    const answers = new Map(
      form.items.slice(0, right).map((item) => [item.id, item.type === 'true-false' ? String(item.key) : item.key]),
    );
    expect(gradeAnswers(form, answers, mark).passed).toBe(passed);
  });
});

describe('examFormSchema and publication', () => {
  it('names every field at fault', () => {
    const result = examFormSchema.safeParse({
      title: 'Bad',
      sections: [
        { key: 'law', label: 'Law' },
        { key: 'law', label: 'Again' },
      ],
      items: [
        { id: 'q1', section: 'ethics', type: 'true-false', stem: 'A?', key: true },
        {
          id: 'q1',
          section: 'law',
          type: 'multiple-choice',
          stem: 'B?',
          options: [
            { id: 'a', text: 'x' },
            { id: 'a', text: 'y' },
          ],
          key: 'c',
        },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['sections.1.key', 'items.0.section', 'items.1.id', 'items.1.options.1.id', 'items.1.key']),
    );
  });
  it("checks the policy's number of questions at publication", () => {
    expect(publicationIssues(form, 5)).toEqual([]);
    expect(publicationIssues(form, 100)[0]).toEqual({
      path: 'items',
      message: 'the policy asks for exactly 100 questions; this form has 5',
    });
  });
});

describe('itemStatistics', () => {
  const items = [
    { id: 'easy', section: 's' },
    { id: 'good', section: 's' },
    { id: 'good2', section: 's' },
    { id: 'bad', section: 't' },
    { id: 'none', section: 't' },
  ];
  const attempt = (...ids: string[]) => ({ correctItems: new Set(ids) });
  const stats = itemStatistics(items, [
    attempt('easy', 'good', 'good2'),
    attempt('easy', 'good', 'good2'),
    attempt('easy', 'bad'),
    attempt('bad'),
  ]);
  const of = (id: string) => stats.items.find((item) => item.itemId === id)!;

  it('gives the share correct and flags what everyone missed', () => {
    expect(of('easy')).toMatchObject({ difficulty: 0.75, flags: [] });
    expect(of('none')).toMatchObject({ difficulty: 0, flags: ['everyone-missed'] });
  });
  it('a good item discriminates positively, a bad one negatively', () => {
    expect(of('good').discrimination).toBeGreaterThan(0);
    expect(of('bad').discrimination).toBeLessThan(0);
    expect(of('bad').flags).toEqual(['negative-discrimination']);
  });
  it('gives each section its mean share correct', () => {
    expect(stats.sections).toEqual([
      { section: 's', mean: 0.5833 },
      { section: 't', mean: 0.25 },
    ]);
  });
});
