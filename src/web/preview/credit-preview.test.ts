import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleEnd } from '../../core/compliance/cycles';
import { evaluate } from '../../core/compliance/evaluate';
import type { CertificationInput } from '../../core/compliance/evaluate-types';
import { formatDate, fromYmd } from '../../core/dates/calendar-date';
import { builtinRegistry } from '../../core/policies/builtin/index';
import type { ActivityView } from '../../server/activities/activity-schemas';
import { DRAFT_ID, isEvaluable, previewBase, previewDraft, toEngineActivity, type DraftActivity } from './credit-preview';

const registry = builtinRegistry();
let sequence = 0;

function activity(fields: Partial<ActivityView> & Pick<ActivityView, 'type' | 'startDate' | 'hours'>): ActivityView {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    personId: '00000000-0000-4000-8000-000000000000',
    title: `activity ${sequence}`,
    provider: null,
    endDate: null,
    categories: [],
    approved: false,
    approvalCode: null,
    city: null,
    region: null,
    virtual: false,
    review: 'not-needed',
    reviewReason: null,
    locked: false,
    ...fields,
  };
}

/** What the server answers: the engine over the real award and renewal dates. */
function serverProgress(asOf: string, certifications: CertificationInput[], activities: ActivityView[]) {
  return evaluate({ asOf, certifications, activities: activities.map(toEngineActivity) }, registry);
}

function baseFor(asOf: string, certifications: CertificationInput[], activities: ActivityView[]) {
  const result = previewBase(serverProgress(asOf, certifications, activities), activities, registry);
  if (!result.ok) throw new Error(result.reason);
  return result.base;
}

const webinar = (fields: Partial<DraftActivity> = {}): DraftActivity => ({
  type: 'webinar',
  startDate: '2022-03-01',
  hours: 2,
  categories: [],
  ...fields,
});

describe('previewBase', () => {
  it('reproduces a renewed NAMSS certification', () => {
    const activities = [activity({ type: 'webinar', startDate: '2020-03-01', hours: 1.5, approved: true })];
    const base = baseFor(
      '2022-10-01',
      [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
      activities,
    );
    expect(base.baseline.certifications[0]!.cycle).toMatchObject({ start: '2019-12-02', end: '2022-12-01' });
    expect(base.baseline.certifications[0]!.earned.total).toBe(1.5);
  });

  it('reproduces a first cycle that starts at the award', () => {
    const activities = [activity({ type: 'conference', startDate: '2020-05-01', hours: 6 })];
    const base = baseFor('2021-06-01', [{ program: 'namss/cpmsm', awarded: '2020-01-10' }], activities);
    expect(base.baseline.certifications[0]!.cycle.start).toBe('2020-01-10');
  });

  it('reproduces a dual certification recertifying together for the first time, and one renewed together', () => {
    const activities = [activity({ type: 'webinar', startDate: '2021-03-01', hours: 10, approved: true })];
    const firstTime = baseFor(
      '2022-06-01',
      [
        { program: 'namss/cpcs', awarded: '2016-06-15', renewedThrough: '2019-12-01' },
        { program: 'namss/cpmsm', awarded: '2020-02-01' },
      ],
      activities,
    );
    expect(firstTime.baseline.certifications.map((c) => c.required.total)).toEqual([30, 30]);
    const together = baseFor(
      '2022-06-01',
      [
        { program: 'namss/cpcs', awarded: '2013-06-15', renewedThrough: '2019-12-01' },
        { program: 'namss/cpmsm', awarded: '2014-02-01', renewedThrough: '2019-12-01' },
      ],
      activities,
    );
    expect(together.baseline.certifications.map((c) => c.required.total)).toEqual([45, 45]);
  });

  it('reproduces a later anniversary cycle', () => {
    const activities = [activity({ type: 'webinar', startDate: '2021-05-01', hours: 1, categories: ['legal'] })];
    const base = baseFor(
      '2022-01-01',
      [{ program: 'techserve/cpsr-1', awarded: '2018-04-01', renewedThrough: '2021-03-31' }],
      activities,
    );
    expect(base.baseline.certifications[0]!.cycle).toMatchObject({ start: '2021-04-01', end: '2024-03-31' });
  });

  it('refuses what the browser cannot reproduce', () => {
    const progress = serverProgress('2022-10-01', [{ program: 'namss/cpcs', awarded: '2019-06-15' }], []);
    expect(previewBase({ ...progress, certifications: [] }, [], registry)).toMatchObject({ ok: false });
    const unknown = { ...progress.certifications[0]!, program: 'acme/unknown' };
    expect(previewBase({ ...progress, certifications: [unknown] }, [], registry)).toMatchObject({ ok: false });
    const newer = { ...progress.certifications[0]!, policyVersion: 99 };
    expect(previewBase({ ...progress, certifications: [newer] }, [], registry)).toMatchObject({ ok: false });
    // The server counted an activity the browser was not given.
    const counted = serverProgress(
      '2022-10-01',
      [{ program: 'namss/cpcs', awarded: '2019-06-15' }],
      [activity({ type: 'webinar', startDate: '2020-03-01', hours: 3 })],
    );
    expect(previewBase(counted, [], registry)).toMatchObject({ ok: false, reason: expect.stringContaining('reproduced') });
  });
});

describe('previewDraft', () => {
  const namss = [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }];

  it("shows the draft's credit and what is missing after it", () => {
    const base = baseFor('2022-10-01', namss, [
      activity({ type: 'webinar', startDate: '2020-03-01', hours: 1.5, approved: true }),
    ]);
    const [credit] = previewDraft(base, webinar({ hours: 2.25 }));
    expect(credit).toMatchObject({ program: 'namss/cpcs', earnedAfter: 3.75, requiredTotal: 30, compliantAfter: false });
    expect(credit!.line).toMatchObject({ activity: DRAFT_ID, claimed: 2.25, credits: 2.25 });
    expect(credit!.missingBefore).toContain('28.5 more credits');
    expect(credit!.missingAfter).toContain('26.25 more credits');
  });

  it('explains a draft that counts less than claimed', () => {
    const base = baseFor('2022-10-01', namss, []);
    const [outside] = previewDraft(base, webinar({ startDate: '2019-01-10' }));
    expect(outside!.line.credits).toBe(0);
    expect(outside!.line.reason).toBeDefined();
    expect(outside!.line.explanation).toBeTruthy();
    const [future] = previewDraft(base, webinar({ startDate: '2022-11-01' }));
    expect(future!.line.reason).toBe('after-as-of');
  });

  it('caps and refuses by the TechServe rules', () => {
    const techserve = [{ program: 'techserve/cpsr-1', awarded: '2021-04-01' }];
    const base = baseFor('2022-10-01', techserve, []);
    const [training] = previewDraft(base, { type: 'training-program', startDate: '2022-01-10', hours: 12, categories: [] });
    expect(training!.line).toMatchObject({ credits: 8, reason: 'capped' });
    const [outside] = previewDraft(base, { type: 'external', startDate: '2022-01-10', hours: 3, categories: ['legal'] });
    expect(outside!.line).toMatchObject({ credits: 0, reason: 'not-approved' });
  });

  it('replaces the activity being edited', () => {
    const recorded = activity({ type: 'webinar', startDate: '2020-03-01', hours: 4, approved: true });
    const base = baseFor('2022-10-01', namss, [recorded]);
    const [edited] = previewDraft(base, webinar({ startDate: '2020-03-01', hours: 1 }), recorded.id);
    expect(edited!.earnedAfter).toBe(1);
    // The change resets the approval: the approved minimum loses the activity.
    expect(edited!.missingAfter).toContain('15 more approved credits');
  });

  it('waits for a complete draft', () => {
    const base = baseFor('2022-10-01', namss, []);
    expect(isEvaluable(webinar({ type: '' }))).toBe(false);
    expect(isEvaluable(webinar({ startDate: '2022-02-30' }))).toBe(false);
    expect(isEvaluable(webinar({ endDate: '2022-02-01' }))).toBe(false);
    expect(isEvaluable(webinar({ hours: Number.NaN }))).toBe(false);
    expect(previewDraft(base, webinar({ type: '' }))).toEqual([]);
  });
});

describe('the preview against the engine with the real dates (property)', () => {
  const day = fc.integer({ min: fromYmd(2012, 1, 1), max: fromYmd(2028, 12, 31) });
  const PROGRAM_SETS = [
    ['namss/cpcs'],
    ['namss/cpcs', 'namss/cpmsm'],
    ['techserve/cpsr-1'],
    ['techserve/cpsr-1', 'techserve/cpsae-1'],
    ['ser/cerp'],
  ];

  function certification(program: string, onGrid: boolean): fc.Arbitrary<CertificationInput> {
    const rule = registry.require(program).cycle;
    const renewal = (awarded: number) =>
      onGrid
        ? fc.option(
            fc.integer({ min: 1, max: 4 }).map((k) => cycleEnd(rule, awarded, k)),
            { nil: null },
          )
        : fc.option(
            fc.integer({ min: 0, max: 3000 }).map((after) => awarded + after),
            { nil: null },
          );
    return day.chain((awarded) =>
      renewal(awarded).map((renewed) => ({
        program,
        awarded: formatDate(awarded),
        renewedThrough: renewed === null ? null : formatDate(renewed),
      })),
    );
  }

  function typesOf(programs: readonly string[]): string[] {
    return [...new Set(programs.flatMap((id) => registry.require(id).activityTypes.map((type) => type.id)))];
  }

  const draftArb = (types: string[]) =>
    fc.record({
      type: fc.constantFrom(...types),
      startDate: day.map(formatDate),
      hours: fc.integer({ min: 0, max: 2000 }).map((h) => h / 100),
      categories: fc.subarray(['legal']),
    });

  const personArb = (onGrid: boolean) =>
    fc.constantFrom(...PROGRAM_SETS).chain((programs) =>
      fc.record({
        asOf: day.map(formatDate),
        certifications: fc.tuple(...programs.map((program) => certification(program, onGrid))),
        recorded: fc.array(
          draftArb(typesOf(programs)).chain((draft) => fc.boolean().map((approved) => ({ ...draft, approved }))),
          { maxLength: 12 },
        ),
        draft: draftArb(typesOf(programs)),
      }),
    );

  function check(
    person: fc.Arbitrary<{
      asOf: string;
      certifications: CertificationInput[];
      recorded: (DraftActivity & { approved: boolean })[];
      draft: DraftActivity;
    }>,
    mustReproduce: boolean,
  ) {
    fc.assert(
      fc.property(person, ({ asOf, certifications, recorded, draft }) => {
        const activities = recorded.map((r) => activity({ ...r, categories: [...r.categories] }));
        const server = serverProgress(asOf, certifications, activities);
        const base = previewBase(server, activities, registry);
        if (mustReproduce) expect(base.ok).toBe(true);
        if (!base.ok) return;
        const truth = evaluate(
          {
            asOf,
            certifications,
            activities: [...activities.map(toEngineActivity), { id: DRAFT_ID, date: draft.startDate, ...draft, approved: false }],
          },
          registry,
        );
        const preview = previewDraft(base.base, draft);
        expect(preview.map((p) => [p.line.credits, p.missingAfter, p.compliantAfter])).toEqual(
          truth.certifications.map((c) => [c.credits.find((l) => l.activity === DRAFT_ID)!.credits, c.missing, c.compliant]),
        );
      }),
      { numRuns: 300 },
    );
  }

  it('always reproduces certifications renewed on their cycle grid, and then previews exactly', () => {
    check(personArb(true), true);
  });

  it('previews exactly whenever it reproduces any renewal date', () => {
    check(personArb(false), false);
  });
});
