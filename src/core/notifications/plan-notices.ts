import type { CycleState, Deadlines } from '../compliance/deadlines';
import { formatDate, toYmd, type DayNumber } from '../dates/calendar-date';
import type { NoticeKind, Policy } from '../policies/policy-schema';

/** Every date-based notice says so: the body's rule, not the product's guess (NAMSS, seed 003). */
export const COURTESY_NOTE = 'You alone are responsible for your deadlines; this reminder is a courtesy.';

/**
 * After expiry the expired notice is still sent for this many days (a catch-up
 * after downtime); later, it would tell people of an expiry long past, such
 * as certifications imported already expired, so it is not sent at all.
 */
export const EXPIRED_NOTICE_DAYS = 30;

/** One certification's cycle as the planner needs it. */
export interface NoticeCycle {
  certificationId: string;
  /** The cycle's first and last day. */
  start: DayNumber;
  end: DayNumber;
  /** The engine's deadlines for the cycle (deadlinesFor(policy, end).days). */
  deadlines: Deadlines;
  /** Extension, pending renewal, hold: what besides the calendar decides the status. */
  state: CycleState;
  /** The cycle is renewed (nothing more to remind of). */
  renewed?: boolean;
}

export interface PlannedNotice {
  kind: NoticeKind;
  /** Stable: the same notice of the same cycle always has the same key, so it is written once. */
  key: string;
  title: string;
  body: string;
  /** The date the notice is scheduled for (not the date the scheduler happened to run). */
  noticeOn: string;
}

type PolicyWords = Pick<Policy, 'designation' | 'notifications' | 'lapse' | 'fees'>;

/**
 * A scheduled notice: sent on `from` or, catching up, any day up to `through`
 * while none later applies (of a mandatory kind, while none later of its kind).
 */
interface Milestone {
  kind: NoticeKind;
  from: DayNumber;
  through: DayNumber;
  key: string;
  words: () => { title: string; body: string };
}

/**
 * The date-based notices due for a certification's cycle on `asOf`, in date
 * order. The most recent scheduled notice of the phase the cycle is in (window
 * open and the reminders before the due date; late; lapsed and grace ending;
 * expired), so a scheduler that was down for weeks sends the 7-day reminder,
 * not 90, 30 and 7 at once, and never a notice of a phase already over. Besides
 * it, of each kind the policy makes mandatory (notifications.mandatory), the
 * latest notice whose phase is the current one: catching up (after downtime,
 * or a renewal in review over the lapse date and then returned) must not skip
 * what the body requires people to be told. The latest of its kind only, as a
 * "due in 90 days" reminder a week before the due date would be untrue. The
 * caller writes each by key, once. Nothing for a renewed cycle, one awaiting a
 * decision on its renewal, or one under a hold.
 */
export function planNotices(policy: PolicyWords, cycle: NoticeCycle, asOf: DayNumber): PlannedNotice[] {
  const { state } = cycle;
  if (cycle.renewed || state.hold) return [];
  const submitted = state.renewalSubmittedOn ?? null;
  if (submitted !== null && submitted <= asOf) return [];
  const mandatory = new Set<NoticeKind>(policy.notifications.mandatory);
  let latest: Milestone | null = null;
  const latestMandatory = new Map<NoticeKind, Milestone>();
  for (const milestone of milestonesOf(policy, cycle)) {
    if (milestone.from > asOf || asOf > milestone.through) continue;
    if (latest === null || milestone.from >= latest.from) latest = milestone;
    const ofKind = latestMandatory.get(milestone.kind);
    if (mandatory.has(milestone.kind) && (!ofKind || milestone.from >= ofKind.from))
      latestMandatory.set(milestone.kind, milestone);
  }
  if (latest === null) return [];
  const due = [...new Set([...latestMandatory.values(), latest])].sort((a, b) => a.from - b.from);
  return due.map((milestone) => {
    const { title, body } = milestone.words();
    return {
      kind: milestone.kind,
      key: milestone.key,
      title,
      body: `${body}\n\n${COURTESY_NOTE}`,
      noticeOn: formatDate(milestone.from),
    };
  });
}

/** The cycle's scheduled notices in date order (ties: the later in the list wins), mirroring statusOn's phases. */
function milestonesOf(policy: PolicyWords, cycle: NoticeCycle): Milestone[] {
  const { deadlines: d, state, certificationId } = cycle;
  const cycleKey = `${certificationId}:${formatDate(cycle.start)}`;
  const extendedTo = state.extendedTo ?? null;
  const due = extendedTo !== null ? Math.max(extendedTo, d.due) : d.due;
  const program = policy.designation;
  const period = `${long(cycle.start)} to ${long(cycle.end)}`;
  const milestones: Milestone[] = [];

  if (d.opens !== null && d.opens <= d.due) {
    milestones.push({
      kind: 'window-open',
      from: d.opens,
      through: d.due,
      key: `window-open:${cycleKey}`,
      words: () => ({
        title: `Your ${program} renewal window is open`,
        body: `You can apply to renew your ${program} certification (cycle ${period}) from ${long(d.opens!)}. Your renewal is due on ${long(due)}.`,
      }),
    });
  }
  const days = [...new Set(policy.notifications.beforeDue)].sort((a, b) => b - a);
  for (const n of days) {
    const from = due - n;
    // Before the cycle began it would remind of nothing yet; an extension's reminders start after the original due date.
    if (from < cycle.start || (extendedTo !== null && from <= d.due)) continue;
    milestones.push({
      kind: 'due-reminder',
      from,
      through: due,
      key: `due-reminder:${cycleKey}:${n}${extendedTo !== null ? `:extended-${formatDate(due)}` : ''}`,
      words: () => ({
        title: `${program} renewal due in ${n} ${n === 1 ? 'day' : 'days'}`,
        body:
          `Your ${program} renewal (cycle ${period}) is due on ${long(due)}` +
          (extendedTo !== null ? ', the date your extension moved it to.' : '.'),
      }),
    });
  }

  // After the due date: late (no late period after an extension), then lapsed in grace, then expired.
  const lateUntil = extendedTo === null && d.lateUntil !== null && d.lateUntil > d.due ? d.lateUntil : null;
  if (lateUntil !== null) {
    milestones.push({
      kind: 'late',
      from: d.due + 1,
      through: lateUntil,
      key: `late:${cycleKey}`,
      words: () => ({
        title: `Your ${program} renewal is late`,
        body:
          `Your ${program} renewal was due on ${long(d.due)}. You can still renew until ${long(lateUntil)}` +
          (policy.fees.late ? ` with a late fee of ${money(policy.fees.late, policy.fees.currency)}.` : '.'),
      }),
    });
  }
  const lapseFrom = (extendedTo !== null ? due : Math.max(d.lateUntil ?? d.due, d.due)) + 1;
  const graceUntil = d.graceUntil !== null && d.graceUntil >= lapseFrom ? d.graceUntil : null;
  if (graceUntil !== null) {
    const what = policy.lapse.reinstatement ? `: ${policy.lapse.reinstatement}` : '.';
    milestones.push({
      kind: 'lapsed',
      from: lapseFrom,
      through: graceUntil,
      key: `lapsed:${cycleKey}`,
      words: () => ({
        title: `Your ${program} certification has lapsed`,
        body: `Your ${program} certification lapsed on ${long(lapseFrom)}, unrenewed for the cycle ${period}. You can be reinstated until ${long(graceUntil)}${what}`,
      }),
    });
    const graceEnding = policy.notifications.graceEndingDays;
    if (graceEnding !== null && graceUntil - graceEnding > lapseFrom) {
      milestones.push({
        kind: 'grace-ending',
        from: graceUntil - graceEnding,
        through: graceUntil,
        key: `grace-ending:${cycleKey}`,
        words: () => ({
          title: `${program} grace period ends in ${graceEnding} days`,
          body: `Your lapsed ${program} certification can be reinstated only until ${long(graceUntil)}${what} ${afterGrace(policy, program)}`,
        }),
      });
    }
  }
  const expiredFrom = Math.max(lapseFrom, (graceUntil ?? 0) + 1);
  milestones.push({
    kind: 'expired',
    from: expiredFrom,
    through: expiredFrom + EXPIRED_NOTICE_DAYS,
    key: `expired:${cycleKey}`,
    words: () => ({
      title: `Your ${program} certification has expired`,
      body: `Your ${program} certification expired on ${long(expiredFrom)}, unrenewed for the cycle ${period}. ${afterGrace(policy, program)}`,
    }),
  });
  return milestones;
}

function afterGrace(policy: PolicyWords, program: string): string {
  return policy.lapse.afterGrace === 'new-exam'
    ? `After that, to hold the ${program} again you must apply as a new candidate and pass the exam.`
    : `After that, to hold the ${program} again you must apply as a new candidate.`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "December 1, 2025": the date as people read it in a notice. */
export function longDate(day: DayNumber): string {
  const { year, month, day: d } = toYmd(day);
  return `${MONTHS[month - 1]} ${d}, ${year}`;
}
const long = longDate;

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
