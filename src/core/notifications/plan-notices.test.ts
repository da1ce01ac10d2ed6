import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlinesFor, statusOn, type CycleState } from '../compliance/deadlines';
import { formatDate, requireDate } from '../dates/calendar-date';
import { builtinRegistry } from '../policies/builtin/index';
import type { NoticeKind } from '../policies/policy-schema';
import { COURTESY_NOTE, planNotices, type NoticeCycle } from './plan-notices';

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
/** The notices due on a date; `plan` is the latest of them (the one a day-by-day run sends on its date). */
const all = (on: string, cycle = cycleOf(), policy = namss) => planNotices(policy, cycle, requireDate(on));
const plan = (on: string, cycle = cycleOf(), policy = namss) => all(on, cycle, policy).at(-1) ?? null;
const keys = (on: string, cycle = cycleOf(), policy = namss) => all(on, cycle, policy).map((notice) => notice.key);

describe('the notices due for an unrenewed NAMSS cycle (due 2025-12-01) on each date', () => {
  const lapsed = `lapsed:${CERT}:2022-12-02`;
  it.each([
    ['2025-07-31', []],
    ['2025-08-01', [`window-open:${CERT}:2022-12-02`]],
    ['2025-09-01', [`window-open:${CERT}:2022-12-02`]],
    ['2025-09-02', [`due-reminder:${CERT}:2022-12-02:90`]],
    ['2025-11-01', [`due-reminder:${CERT}:2022-12-02:30`]],
    ['2025-11-24', [`due-reminder:${CERT}:2022-12-02:7`]],
    ['2025-12-01', [`due-reminder:${CERT}:2022-12-02:7`]],
    ['2025-12-02', [`late:${CERT}:2022-12-02`]],
    ['2025-12-31', [`late:${CERT}:2022-12-02`]],
    ['2026-01-01', [lapsed]],
    ['2026-05-01', [lapsed]],
    // NAMSS makes the lapsed notice mandatory: still due with the grace-ending one (once by key; day by day it went on Jan 1).
    ['2026-05-02', [lapsed, `grace-ending:${CERT}:2022-12-02`]],
    ['2026-06-01', [lapsed, `grace-ending:${CERT}:2022-12-02`]],
    ['2026-06-02', [`expired:${CERT}:2022-12-02`]],
    ['2026-07-02', [`expired:${CERT}:2022-12-02`]],
    // A month after expiry: no news of an expiry long past (e.g. records imported already expired).
    ['2026-07-03', []],
  ])('on %s: %j', (on, due) => {
    expect(keys(on)).toEqual(due);
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

describe('catching up, a notice of a kind the policy makes mandatory is never skipped', () => {
  const asSent = (notices: ReturnType<typeof all>) => notices.map((notice) => `${notice.kind} ${notice.noticeOn}`);
  const requiring = (...mandatory: NoticeKind[]) => ({ ...namss, notifications: { ...namss.notifications, mandatory } });

  it('tells of the lapse when a renewal in review over the lapse date is returned in grace', () => {
    // Submitted late (December 15), in review through January 1: no notices while staff decide.
    const inReview = cycleOf(namss, { renewalSubmittedOn: requireDate('2025-12-15') });
    expect(all('2026-01-01', inReview)).toEqual([]);
    expect(all('2026-05-10', inReview)).toEqual([]);
    // Returned on May 10: the next day both the mandatory lapsed notice and the grace-ending one are due.
    expect(asSent(all('2026-05-11'))).toEqual(['lapsed 2026-01-01', 'grace-ending 2026-05-02']);
  });

  it('tells of the lapse after a scheduler down from January 1 to May 2', () => {
    expect(asSent(all('2025-12-31'))).toEqual(['late 2025-12-02']);
    expect(asSent(all('2026-05-02'))).toEqual(['lapsed 2026-01-01', 'grace-ending 2026-05-02']);
  });

  it('still floods no reminders that are not mandatory', () => {
    expect(asSent(all('2025-11-26'))).toEqual(['due-reminder 2025-11-24']);
    // Of a mandatory kind with several dates, the latest: "due in 90 days" a week before the due date is untrue.
    const strict = requiring('window-open', 'due-reminder');
    expect(asSent(all('2025-11-26', cycleOf(strict), strict))).toEqual(['window-open 2025-08-01', 'due-reminder 2025-11-24']);
  });

  it('never sends a mandatory notice of a phase that is over', () => {
    const strict = requiring('window-open', 'due-reminder', 'late', 'lapsed', 'grace-ending', 'expired');
    expect(asSent(all('2026-05-02', cycleOf(strict), strict))).toEqual(['lapsed 2026-01-01', 'grace-ending 2026-05-02']);
    expect(asSent(all('2026-06-02', cycleOf(strict), strict))).toEqual(['expired 2026-06-02']);
    expect(all('2026-07-03', cycleOf(strict), strict)).toEqual([]);
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

  /** A status in which a notice of this kind is due: if the kind is mandatory, it has been sent by the end of that day. */
  const MANDATORY_BY_STATUS: Record<string, NoticeKind> = { 'renewal-open': 'window-open', late: 'late', lapsed: 'lapsed' };

  it('yields each notice at most once by key, in its phase, never skips a mandatory one and never floods', () => {
    fc.assert(
      fc.property(
        arbitraryState,
        // The days between the scheduler's runs (one: it ran the next day; more: it was down), from 2025-07-01.
        fc.array(fc.integer({ min: 1, max: 160 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...namss.notifications.beforeDue.map((n) => [n]), [90, 30, 7], [60, 14, 1], []),
        fc.constantFrom<NoticeKind[]>(
          [],
          ['lapsed'],
          ['window-open', 'late', 'lapsed'],
          ['due-reminder', 'grace-ending', 'expired'],
        ),
        // A renewal in review from one day for so many days, then returned (or still in review at the end).
        fc.option(fc.tuple(fc.integer({ min: 0, max: 540 }), fc.integer({ min: 1, max: 300 })), { nil: null }),
        (rawState, gaps, beforeDue, mandatory, review) => {
          const policy = { ...namss, notifications: { ...namss.notifications, beforeDue, mandatory } };
          const base: CycleState = { ...rawState, extendedTo: rawState.extendedTo ? requireDate(rawState.extendedTo) : null };
          const cycle = cycleOf(policy, base);
          const first = requireDate('2025-07-01');
          const sent = new Map<string, number>();
          for (let offset = gaps[0]! - 1, run = 1; offset <= 540; offset += gaps[run++ % gaps.length]!) {
            const asOf = first + offset;
            const inReview = review !== null && offset >= review[0] && offset < review[0] + review[1];
            const state = inReview ? { ...base, renewalSubmittedOn: first + review[0] } : base;
            const notices = planNotices(policy, { ...cycle, state }, asOf);
            const status = statusOn(cycle.deadlines, asOf, state);
            for (const notice of notices) {
              expect(PHASE_OF[notice.kind]).toContain(status);
              expect(requireDate(notice.noticeOn)).toBeLessThanOrEqual(asOf);
              if (!sent.has(notice.key)) sent.set(notice.key, asOf);
            }
            // A catch-up floods nothing: one notice of each kind, and one only of the kinds not mandatory.
            expect(new Set(notices.map((notice) => notice.kind)).size).toBe(notices.length);
            expect(notices.filter((notice) => !mandatory.includes(notice.kind)).length).toBeLessThanOrEqual(1);
            const required = MANDATORY_BY_STATUS[status];
            if (required && mandatory.includes(required))
              expect([...sent.keys()].some((key) => key.startsWith(`${required}:`))).toBe(true);
          }
          // Written by key: each at most once, so at most once per milestone of the cycle.
          expect(sent.size).toBeLessThanOrEqual(2 + beforeDue.length + 3);
          if (base.hold) expect(sent.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('day by day over a year sends every scheduled NAMSS notice exactly once, on its date', () => {
    const sent = new Map<string, string>();
    for (const day of days('2025-07-01', '2026-07-31')) {
      for (const notice of planNotices(namss, cycleOf(), day)) if (!sent.has(notice.key)) sent.set(notice.key, formatDate(day));
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
