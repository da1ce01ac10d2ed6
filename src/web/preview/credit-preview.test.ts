import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/compliance/evaluate';
import type { ActivityInput, CertificationInput } from '../../core/compliance/evaluate-types';
import { formatDate, fromYmd, parseDate } from '../../core/dates/calendar-date';
import { builtinRegistry } from '../../core/policies/builtin/index';
import type { ActivityView } from '../../server/activities/activity-schemas';
import type { Progress } from '../api/queries';
import { DRAFT_ID, isEvaluable, previewBase, previewDraft, type DraftActivity } from './credit-preview';

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

/** A stored activity as the server's getProgress hands it to the engine (toActivityInput over the row). */
function storedActivity(view: ActivityView): ActivityInput {
  return {
    id: view.id,
    type: view.type,
    date: view.startDate,
    endDate: view.endDate,
    hours: Math.round(view.hours * 100) / 100,
    categories: view.categories,
    approved: view.approved,
    title: view.title,
  };
}

type ServerProgress = Pick<Progress, 'asOf' | 'held' | 'certifications'>;

/**
 * What GET .../progress answers, as the browser receives it: the engine over the stored certifications
 * (`held`) and activities, serialized as JSON (fields that are undefined are gone).
 */
function serverProgress(asOf: string, held: CertificationInput[], activities: ActivityView[]): ServerProgress {
  const stored = held.map((h) => ({ program: h.program, awarded: h.awarded, renewedThrough: h.renewedThrough ?? null }));
  const result = evaluate({ asOf, certifications: stored, activities: activities.map(storedActivity) }, registry);
  return JSON.parse(JSON.stringify({ asOf: result.asOf, held: stored, certifications: result.certifications })) as ServerProgress;
}

/** The browser's figures for the recorded activities, as JSON: they must equal the server's. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function baseFor(asOf: string, held: CertificationInput[], activities: ActivityView[]) {
  const server = serverProgress(asOf, held, activities);
  const result = previewBase(server, activities, registry);
  if (!result.ok) throw new Error(result.reason);
  expect(asJson(result.base.baseline.certifications)).toEqual(server.certifications);
  return result.base;
}

const webinar = (fields: Partial<DraftActivity> = {}): DraftActivity => ({
  type: 'webinar',
  startDate: '2022-03-01',
  hours: 2,
  categories: [],
  ...fields,
});

describe('previewBase: the engine in the browser over held and the recorded activities', () => {
  it("equals the server's progress for a renewed NAMSS certification", () => {
    const activities = [activity({ type: 'webinar', startDate: '2020-03-01', hours: 1.5, approved: true })];
    const base = baseFor(
      '2022-10-01',
      [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
      activities,
    );
    expect(base.baseline.certifications[0]!.cycle).toMatchObject({ start: '2019-12-02', end: '2022-12-01' });
    expect(base.baseline.certifications[0]!.earned.total).toBe(1.5);
  });

  it('equals it for a first cycle that starts at the award, with activities before the award', () => {
    const activities = [
      activity({ type: 'conference', startDate: '2020-05-01', hours: 6 }),
      activity({ type: 'webinar', startDate: '2019-11-01', hours: 2, approved: true }),
    ];
    const base = baseFor('2021-06-01', [{ program: 'namss/cpmsm', awarded: '2020-01-10' }], activities);
    expect(base.baseline.certifications[0]!.cycle.start).toBe('2020-01-10');
    expect(base.baseline.certifications[0]!.credits.map((line) => line.reason ?? null)).toEqual(['before-award', null]);
  });

  it('equals it for a dual certification recertifying together for the first time, and one renewed together', () => {
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

  it('equals it for a later anniversary cycle and a renewal off the cycle grid', () => {
    const activities = [activity({ type: 'webinar', startDate: '2021-05-01', hours: 1, categories: ['legal'] })];
    const base = baseFor(
      '2022-01-01',
      [{ program: 'techserve/cpsr-1', awarded: '2018-04-01', renewedThrough: '2021-03-31' }],
      activities,
    );
    expect(base.baseline.certifications[0]!.cycle).toMatchObject({ start: '2021-04-01', end: '2024-03-31' });
    baseFor('2022-01-01', [{ program: 'techserve/cpsr-1', awarded: '2018-04-01', renewedThrough: '2020-08-17' }], activities);
  });

  it('uses held as it is: no award or renewal date is guessed', () => {
    const held = [{ program: 'namss/cpcs', awarded: '2017-03-09', renewedThrough: '2019-12-01' }];
    const base = baseFor('2022-10-01', held, []);
    expect(base.certifications).toEqual(held);
  });

  it("refuses when it cannot be the server's figures", () => {
    const progress = serverProgress('2022-10-01', [{ program: 'namss/cpcs', awarded: '2019-06-15' }], []);
    expect(previewBase({ ...progress, held: [], certifications: [] }, [], registry)).toMatchObject({ ok: false });
    const unknown = { ...progress.certifications[0]!, program: 'acme/unknown' };
    expect(previewBase({ ...progress, certifications: [unknown] }, [], registry)).toMatchObject({ ok: false });
    expect(
      previewBase(
        { ...progress, held: [{ program: 'acme/unknown', awarded: '2019-06-15', renewedThrough: null }] },
        [],
        registry,
      ),
    ).toMatchObject({ ok: false });
    const newer = { ...progress.certifications[0]!, policyVersion: 99 };
    expect(previewBase({ ...progress, certifications: [newer] }, [], registry)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('reload'),
    });
    // The server counted an activity the browser was not given.
    const counted = serverProgress(
      '2022-10-01',
      [{ program: 'namss/cpcs', awarded: '2019-06-15' }],
      [activity({ type: 'webinar', startDate: '2020-03-01', hours: 3 })],
    );
    expect(previewBase(counted, [], registry)).toMatchObject({ ok: false, reason: expect.stringContaining('differ') });
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
    const [before] = previewDraft(base, webinar({ startDate: '2019-01-10' }));
    expect(before!.line).toMatchObject({ credits: 0, reason: 'before-award' });
    expect(before!.line.explanation).toBeTruthy();
    const [outside] = previewDraft(base, webinar({ startDate: '2019-10-10' }));
    expect(outside!.line).toMatchObject({ credits: 0, reason: 'outside-cycle' });
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
    const [approved] = previewDraft(
      base,
      { type: 'external', startDate: '2022-01-10', hours: 3, categories: ['legal'] },
      undefined,
      { approved: true },
    );
    expect(approved!.line).toMatchObject({ credits: 3, countsToward: ['legal'] });
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

describe('the preview against the server and the engine (property)', () => {
  const day = fc.integer({ min: fromYmd(2012, 1, 1), max: fromYmd(2028, 12, 31) });
  const PROGRAM_SETS = [
    ['namss/cpcs'],
    ['namss/cpmsm'],
    ['namss/cpcs', 'namss/cpmsm'],
    ['techserve/cpsr-1'],
    ['techserve/cpsr-1', 'techserve/cpsae-1'],
    ['techserve/cpsr-2', 'techserve/cpsae-2'],
    ['ser/cerp'],
  ];

  /** Any award, and any renewal date from the award on (on the cycle grid or not), or none. */
  const held = (program: string): fc.Arbitrary<CertificationInput> =>
    day.chain((awarded) =>
      fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }).map((after) => ({
        program,
        awarded: formatDate(awarded),
        renewedThrough: after === null ? null : formatDate(awarded + after),
      })),
    );

  const typesOf = (programs: readonly string[]) => [
    ...new Set(programs.flatMap((id) => registry.require(id).activityTypes.map((type) => type.id))),
  ];

  const draftArb = (types: string[]): fc.Arbitrary<DraftActivity> =>
    fc.record({
      type: fc.constantFrom(...types),
      startDate: day.map(formatDate),
      hours: fc.integer({ min: 0, max: 2000 }).map((h) => h / 100),
      categories: fc.subarray(['legal']),
    });

  const recordedArb = (types: string[]) =>
    fc
      .tuple(draftArb(types), fc.boolean(), fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }))
      .map(([draft, approved, days]) =>
        activity({
          ...draft,
          categories: [...draft.categories],
          approved,
          endDate: days === null ? null : formatDate(parseDate(draft.startDate)! + days),
        }),
      );

  const personArb = fc.constantFrom(...PROGRAM_SETS).chain((programs) =>
    fc.record({
      asOf: day.map(formatDate),
      held: fc.tuple(...programs.map(held)),
      recorded: fc.array(recordedArb(typesOf(programs)), { maxLength: 12 }),
      draft: draftArb(typesOf(programs)),
      approved: fc.boolean(),
      replace: fc.nat(),
    }),
  );

  it("equals the server's progress and previews any draft exactly (new or edited, approved or not)", () => {
    fc.assert(
      fc.property(personArb, ({ asOf, held, recorded, draft, approved, replace }) => {
        const server = serverProgress(asOf, held, recorded);
        const base = previewBase(server, recorded, registry);
        expect(base.ok).toBe(true);
        if (!base.ok) return;
        expect(asJson(base.base.baseline.certifications)).toEqual(server.certifications);

        const replacing = recorded.length > 0 && replace % 2 === 0 ? recorded[replace % recorded.length]!.id : undefined;
        const activities = [
          ...recorded.filter((a) => a.id !== replacing).map(storedActivity),
          { id: DRAFT_ID, date: draft.startDate, ...draft, approved },
        ];
        const truth = evaluate({ asOf, certifications: held, activities }, registry);
        const preview = previewDraft(base.base, draft, replacing, { approved });
        expect(preview.map((p) => [p.program, p.line, p.missingAfter, p.compliantAfter, p.earnedAfter, p.requiredTotal])).toEqual(
          truth.certifications.map((c) => [
            c.program,
            c.credits.find((line) => line.activity === DRAFT_ID),
            c.missing,
            c.compliant,
            c.earned.total,
            c.required.total,
          ]),
        );
        expect(preview.map((p) => p.missingBefore)).toEqual(server.certifications.map((c) => c.missing));
      }),
      { numRuns: 400 },
    );
  });
});
