import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlinesFor, statusOn, type CycleState } from '../compliance/deadlines';
import { formatDate, requireDate } from '../dates/calendar-date';
import { builtinRegistry } from '../policies/builtin/index';
import { COURTESY_NOTE, planNotice, type NoticeCycle } from './plan-notices';

const registry = builtinRegistry();
const namss = registry.require('namss/cpcs');
const techserve = registry.list().find((p) => p.body === 'techserve')!;
const CERT = '00000000-0000-4000-8000-000000000001';
const cycleOf = (policy = namss, state: CycleState = {}, end = '2025-12-01', start = '2022-12-02'): NoticeCycle => ({
  certificationId: CERT,
  start: requireDate(start),
  end: requireDate(end),
  deadlines: deadlinesFor(policy, requireDate(end)).days,
  state,
});
const plan = (on: string, cycle = cycleOf(), policy = namss) => planNotice(policy, cycle, requireDate(on));

describe('the notice due for an unrenewed NAMSS cycle (due 2025-12-01) on each date', () => {
  it.each([
    ['2025-07-31', null],
    ['2025-08-01', `window-open:${CERT}:2022-12-02`],
    ['2025-09-01', `window-open:${CERT}:2022-12-02`],
    ['2025-09-02', `due-reminder:${CERT}:2022-12-02:90`],
    ['2025-11-01', `due-reminder:${CERT}:2022-12-02:30`],
    ['2025-11-24', `due-reminder:${CERT}:2022-12-02:7`],
    ['2025-12-01', `due-reminder:${CERT}:2022-12-02:7`],
    ['2025-12-02', `late:${CERT}:2022-12-02`],
    ['2025-12-31', `late:${CERT}:2022-12-02`],
    ['2026-01-01', `lapsed:${CERT}:2022-12-02`],
    ['2026-05-01', `lapsed:${CERT}:2022-12-02`],
    ['2026-05-02', `grace-ending:${CERT}:2022-12-02`],
    ['2026-06-01', `grace-ending:${CERT}:2022-12-02`],
    ['2026-06-02', `expired:${CERT}:2022-12-02`],
    ['2026-07-02', `expired:${CERT}:2022-12-02`],
    // A month after expiry: no news of an expiry long past (e.g. records imported already expired).
    ['2026-07-03', null],
  ])('on %s: %s', (on, key) => {
    expect(plan(on)?.key ?? null).toBe(key);
  });

  it('says the dates in words and that notices are a courtesy', () => {
    expect(plan('2025-11-01')).toEqual({
      kind: 'due-reminder',
      key: `due-reminder:${CERT}:2022-12-02:30`,
      title: 'CPCS renewal due in 30 days',
      body: `Your CPCS renewal (cycle December 2, 2022 to December 1, 2025) is due on December 1, 2025.\n\n${COURTESY_NOTE}`,
      noticeOn: '2025-11-01',
    });
    expect(COURTESY_NOTE).toBe('You alone are responsible for your deadlines; this reminder is a courtesy.');
    expect(plan('2025-12-10')!.body).toContain('You can still renew until December 31, 2025 with a late fee of $50.00.');
    expect(plan('2026-01-01')!.body).toContain('lapsed on January 1, 2026');
    expect(plan('2026-01-01')!.body).toContain('You can be reinstated until June 1, 2026: Documentation of all CE');
    expect(plan('2026-05-02')!.body).toContain('you must apply as a new candidate and pass the exam');
    expect(plan('2026-06-02')!.title).toBe('Your CPCS certification has expired');
  });

  it('sends nothing for a renewed cycle, one awaiting a decision, or one under a hold', () => {
    expect(plan('2025-11-24', { ...cycleOf(), renewed: true })).toBeNull();
    const submitted = cycleOf(namss, { renewalSubmittedOn: requireDate('2025-11-20') });
    expect(plan('2025-11-24', submitted)).toBeNull();
    expect(plan('2026-01-05', submitted)).toBeNull();
    // Submitted later than the date asked about: that date's notice still stood.
    expect(plan('2025-11-01', submitted)?.kind).toBe('due-reminder');
    expect(plan('2025-11-24', cycleOf(namss, { hold: 'suspended' }))).toBeNull();
    expect(plan('2026-01-05', cycleOf(namss, { hold: 'withdrawn' }))).toBeNull();
  });

  it('reminds of the extended due date once an extension is granted, with no late notice', () => {
    const extended = cycleOf(namss, { extendedTo: requireDate('2026-06-01') });
    expect(plan('2025-11-24', extended)?.key).toBe(`window-open:${CERT}:2022-12-02`);
    expect(plan('2025-12-02', extended)).toBeNull();
    expect(plan('2026-03-03', extended)?.key).toBe(`due-reminder:${CERT}:2022-12-02:90:extended-2026-06-01`);
    expect(plan('2026-05-25', extended)!.body).toContain('is due on June 1, 2026, the date your extension moved it to.');
    // NAMSS: an extension ends with grace, so after it the certification has expired.
    expect(plan('2026-06-02', extended)?.kind).toBe('expired');
  });

  it('for a program without window, late period or grace (TechServe), reminds and then tells of expiry', () => {
    const cycle = cycleOf(techserve, {}, '2026-03-14', '2023-03-15');
    expect(plan('2025-12-13', cycle, techserve)).toBeNull();
    expect(plan('2025-12-14', cycle, techserve)?.key).toBe(`due-reminder:${CERT}:2023-03-15:90`);
    expect(plan('2026-03-14', cycle, techserve)?.key).toBe(`due-reminder:${CERT}:2023-03-15:7`);
    expect(plan('2026-03-15', cycle, techserve)?.key).toBe(`expired:${CERT}:2023-03-15`);
  });
});

/** The status family each kind belongs to: a notice never speaks of a phase that is over. */
const PHASE_OF: Record<string, string[]> = {
  'window-open': ['active', 'renewal-open', 'extended'],
  'due-reminder': ['active', 'renewal-open', 'extended'],
  late: ['late'],
  lapsed: ['lapsed'],
  'grace-ending': ['lapsed'],
  expired: ['expired'],
};

describe('over a whole cycle, day by day or catching up', () => {
  const days = (from: string, to: string) => {
    const list: number[] = [];
    for (let d = requireDate(from); d <= requireDate(to); d++) list.push(d);
    return list;
  };
  const arbitraryState = fc.record({
    extendedTo: fc.option(fc.constantFrom('2026-06-01', '2026-02-01'), { nil: null }),
    hold: fc.option(fc.constantFrom('suspended' as const, 'withdrawn' as const), { freq: 8, nil: null }),
  });

  it('yields each notice at most once by key, in its phase, and a late catch-up never one of a past phase', () => {
    fc.assert(
      fc.property(
        arbitraryState,
        // Days the scheduler ran (the rest it was down), within the year and a half around the due date.
        fc.array(fc.integer({ min: 0, max: 540 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...namss.notifications.beforeDue.map((n) => [n]), [90, 30, 7], [60, 14, 1], []),
        (rawState, ranOn, beforeDue) => {
          const policy = { ...namss, notifications: { ...namss.notifications, beforeDue } };
          const state: CycleState = { ...rawState, extendedTo: rawState.extendedTo ? requireDate(rawState.extendedTo) : null };
          const cycle = cycleOf(policy, state);
          const first = requireDate('2025-07-01');
          const sent = new Map<string, number>();
          for (const offset of [...new Set(ranOn)].sort((a, b) => a - b)) {
            const asOf = first + offset;
            const notice = planNotice(policy, cycle, asOf);
            if (!notice) continue;
            expect(PHASE_OF[notice.kind]).toContain(statusOn(cycle.deadlines, asOf, state));
            expect(requireDate(notice.noticeOn)).toBeLessThanOrEqual(asOf);
            if (!sent.has(notice.key)) sent.set(notice.key, asOf);
          }
          // Written by key: each at most once; and at most one per phase milestone, so never a flood.
          expect(sent.size).toBeLessThanOrEqual(2 + beforeDue.length + 3);
          if (state.hold) expect(sent.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('day by day over a year sends every scheduled NAMSS notice exactly once, on its date', () => {
    const sent = new Map<string, string>();
    for (const day of days('2025-07-01', '2026-07-31')) {
      const notice = planNotice(namss, cycleOf(), day);
      if (notice && !sent.has(notice.key)) sent.set(notice.key, formatDate(day));
    }
    expect([...sent].map(([key, on]) => `${key.split(':')[0]}${key.split(':')[3] ?? ''} ${on}`)).toEqual([
      'window-open 2025-08-01',
      'due-reminder90 2025-09-02',
      'due-reminder30 2025-11-01',
      'due-reminder7 2025-11-24',
      'late 2025-12-02',
      'lapsed 2026-01-01',
      'grace-ending 2026-05-02',
      'expired 2026-06-02',
    ]);
  });
});
