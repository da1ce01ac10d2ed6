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

export const STATUSES = ['active', 'renewal-open', 'late', 'lapsed', 'expired'] as const;
export type CertificationStatus = (typeof STATUSES)[number];

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
 */
export function statusOn(deadlines: Deadlines, asOf: DayNumber): CertificationStatus {
  if (asOf <= deadlines.due) {
    return deadlines.opens !== null && asOf >= deadlines.opens ? 'renewal-open' : 'active';
  }
  if (deadlines.lateUntil !== null && asOf <= deadlines.lateUntil) return 'late';
  if (deadlines.graceUntil !== null && asOf <= deadlines.graceUntil) return 'lapsed';
  return 'expired';
}
