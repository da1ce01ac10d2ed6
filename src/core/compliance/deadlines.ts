import { formatDate, type DayNumber } from '../dates/calendar-date';
import { resolveDateRule } from '../policies/date-rule';
import type { Policy } from '../policies/policy-schema';

export interface Deadlines {
  opens: DayNumber | null;
  due: DayNumber;
  lateUntil: DayNumber | null;
  graceUntil: DayNumber | null;
  extensionRequestBy: DayNumber | null;
  extendedDue: DayNumber | null;
}

/** The same deadlines as YYYY-MM-DD strings, as results show them. */
export type DeadlineDates = { [K in keyof Deadlines]: Deadlines[K] extends DayNumber ? string : string | null };

export const STATUSES = [
  'active',
  'renewal-open',
  'in-review',
  'extended',
  'late',
  'lapsed',
  'expired',
  'suspended',
  'withdrawn',
] as const;
export type CertificationStatus = (typeof STATUSES)[number];

/** A staff decision that overrides the calendar: an ethics suspension or withdrawal. */
export const HOLDS = ['suspended', 'withdrawn'] as const;
export type Hold = (typeof HOLDS)[number];

/** What besides the calendar decides a cycle's status: the person's own steps and staff decisions. */
export interface CycleState {
  /** The due date of this cycle as moved by a granted extension. */
  extendedTo?: DayNumber | null;
  /** A renewal of this cycle submitted on this date and not yet decided. */
  renewalSubmittedOn?: DayNumber | null;
  hold?: Hold | null;
}

// Deadlines depend only on the policy and the cycle end, and people share cycle ends:
// remember them per policy (bounded), since resolving them is a fifth of an evaluation.
const MAX_REMEMBERED = 20_000;
const remembered = new WeakMap<object, Map<DayNumber, ResolvedDeadlines>>();

export interface ResolvedDeadlines {
  days: Readonly<Deadlines>;
  dates: Readonly<DeadlineDates>;
}

/** The deadlines of the cycle ending on `cycleEnd`, as day numbers and as dates. Shared: do not change them. */
export function deadlinesFor(policy: Pick<Policy, 'renewal' | 'lapse' | 'extension'>, cycleEnd: DayNumber): ResolvedDeadlines {
  let byEnd = remembered.get(policy);
  if (!byEnd) {
    byEnd = new Map();
    remembered.set(policy, byEnd);
  }
  let deadlines = byEnd.get(cycleEnd);
  if (!deadlines) {
    const days = resolveDeadlines(policy, cycleEnd);
    const date = (day: DayNumber | null) => (day === null ? null : formatDate(day));
    deadlines = {
      days: Object.freeze(days),
      dates: Object.freeze({
        opens: date(days.opens),
        due: formatDate(days.due),
        lateUntil: date(days.lateUntil),
        graceUntil: date(days.graceUntil),
        extensionRequestBy: date(days.extensionRequestBy),
        extendedDue: date(days.extendedDue),
      }),
    };
    if (byEnd.size < MAX_REMEMBERED) byEnd.set(cycleEnd, deadlines);
  }
  return deadlines;
}

function resolveDeadlines(policy: Pick<Policy, 'renewal' | 'lapse' | 'extension'>, cycleEnd: DayNumber): Deadlines {
  const due = resolveDateRule(policy.renewal.due, { cycleEnd, due: cycleEnd });
  const anchors = { cycleEnd, due };
  const { renewal, lapse, extension } = policy;
  return {
    opens: renewal.opens ? resolveDateRule(renewal.opens, anchors) : null,
    due,
    lateUntil: renewal.lateUntil ? resolveDateRule(renewal.lateUntil, anchors) : null,
    graceUntil: lapse.graceUntil ? resolveDateRule(lapse.graceUntil, anchors) : null,
    extensionRequestBy: extension ? resolveDateRule(extension.requestBy, anchors) : null,
    extendedDue: extension ? resolveDateRule(extension.newDue, anchors) : null,
  };
}

/**
 * Where a cycle stands on `asOf` when it has not been renewed: before the
 * window opens it is active; in the window, renewal-open; then late, lapsed
 * (grace) and expired. A phase whose date the policy lacks is skipped.
 *
 * A suspension or withdrawal overrides the calendar. A renewal submitted
 * while it could still be accepted (up to the end of grace) holds the status
 * at in-review until staff decide: nobody lapses while waiting for staff. A
 * granted extension moves the due date; between the original due date and the
 * new one the status is extended, and there is no late period after it.
 */
export function statusOn(deadlines: Deadlines, asOf: DayNumber, state: CycleState = {}): CertificationStatus {
  if (state.hold) return state.hold;
  const extendedTo = state.extendedTo ?? null;
  const lastAccepted = Math.max(deadlines.graceUntil ?? deadlines.lateUntil ?? deadlines.due, extendedTo ?? deadlines.due);
  const submitted = state.renewalSubmittedOn ?? null;
  if (submitted !== null && submitted <= asOf && submitted <= lastAccepted) return 'in-review';
  if (asOf <= deadlines.due) {
    return deadlines.opens !== null && asOf >= deadlines.opens ? 'renewal-open' : 'active';
  }
  if (extendedTo !== null) {
    if (asOf <= extendedTo) return 'extended';
  } else if (deadlines.lateUntil !== null && asOf <= deadlines.lateUntil) return 'late';
  if (deadlines.graceUntil !== null && asOf <= deadlines.graceUntil) return 'lapsed';
  return 'expired';
}
