import type { PreparedActivity } from './credit-activity';

function compareActivities(a: PreparedActivity, b: PreparedActivity): number {
  return a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const LARGE = 1024;
// Reused between calls: the engine is synchronous, and allocating typed arrays per person costs more than sorting.
const days = new Int32Array(LARGE);
const order = new Int32Array(LARGE);

/**
 * Orders activities by date, then id, so that a result never depends on the
 * order of its input. Sorting the objects with a comparator took a third of
 * the engine's time (bench:engine); here the positions are insertion-sorted by
 * day in scratch integer arrays, which suits the tens of activities a person
 * has, and only same-day runs (rare) need the id comparison.
 */
export function orderActivities(activities: PreparedActivity[]): PreparedActivity[] {
  const n = activities.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = compareActivities(activities[i - 1]!, activities[i]!) < 0;
  // Rows read from the database come in order already.
  if (ordered) return activities;
  if (n > LARGE) return activities.sort(compareActivities);
  for (let i = 0; i < n; i++) {
    const day = (activities[i] as PreparedActivity).day;
    days[i] = day;
    let j = i - 1;
    while (j >= 0 && (days[order[j] as number] as number) > day) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = i;
  }
  const out = new Array<PreparedActivity>(n);
  for (let i = 0; i < n; i++) out[i] = activities[order[i] as number] as PreparedActivity;

  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && (out[i] as PreparedActivity).day === (out[runStart] as PreparedActivity).day) continue;
    if (i - runStart > 1) {
      const run = out.slice(runStart, i).sort(compareActivities);
      for (let j = 0; j < run.length; j++) out[runStart + j] = run[j] as PreparedActivity;
    }
    runStart = i;
  }
  return out;
}
