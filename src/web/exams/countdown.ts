import { amount, daysBetween } from '../format';

/**
 * The exam's remaining time, from the server's deadline and the server's clock only.
 *
 * The browser's wall clock is never trusted: it may be wrong, changed during the exam, or pinned. Each
 * answer from the server carries its deadline and its own time ("now"); the page keeps the difference
 * as the remaining time at the moment the answer arrived, and from then on counts down on the
 * monotonic clock (`performance.now()`). A reload, another tab or a resync after a lost connection
 * starts again from a new answer of the server, so every view of the attempt shows the same time left.
 */

const MINUTES = { one: 'minute', many: 'minutes' };

/** Where a countdown starts: the server's remaining time, taken at a moment of the monotonic clock. */
export interface CountdownAnchor {
  /** Milliseconds left when the answer arrived (never below 0). */
  remainingMs: number;
  /** `performance.now()` when it arrived. */
  at: number;
}

/**
 * The anchor from one answer of the server. Half the request's round trip is taken off: the server read
 * its clock somewhere between sending and receiving, and the middle is the best guess (and errs on the
 * candidate's side by at most half a round trip, never more).
 */
export function anchorFrom(
  answer: { deadline: string; serverNow: string },
  sentAt: number,
  receivedAt: number,
): CountdownAnchor | null {
  const deadline = Date.parse(answer.deadline);
  const serverNow = Date.parse(answer.serverNow);
  if (Number.isNaN(deadline) || Number.isNaN(serverNow)) return null;
  const transit = Math.max(0, receivedAt - sentAt) / 2;
  return { remainingMs: Math.max(0, deadline - serverNow - transit), at: receivedAt };
}

/** Milliseconds left at `now` of the monotonic clock (0 once the time is up). */
export function remainingAt(anchor: CountdownAnchor, now: number): number {
  return Math.max(0, anchor.remainingMs - Math.max(0, now - anchor.at));
}

/** "1:59:07" with hours, "4:05" under an hour, "0:00" when the time is up; whole seconds rounded up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** The same in words, for screen readers and the page title: "1 hour 59 minutes", "4 minutes", "45 seconds". */
export function remainingWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total === 0) return 'no time';
  if (total < 60) return amount(total, { one: 'second', many: 'seconds' });
  const minutesTotal = Math.ceil(total / 60);
  const hours = Math.floor(minutesTotal / 60);
  const minutes = minutesTotal % 60;
  const parts = [hours > 0 ? amount(hours, { one: 'hour', many: 'hours' }) : '', minutes > 0 ? amount(minutes, MINUTES) : ''];
  return parts.filter(Boolean).join(' ');
}

export type Urgency = 'calm' | 'soon' | 'last-minute' | 'over';

/** How the clock is drawn: calm, the last ten minutes, the last minute, over. */
export function urgencyOf(ms: number): Urgency {
  if (ms <= 0) return 'over';
  if (ms <= 60_000) return 'last-minute';
  if (ms <= 10 * 60_000) return 'soon';
  return 'calm';
}

/** The moments a screen reader is told the time left (minutes): not every second, which would drown everything. */
export const ANNOUNCE_AT_MINUTES = [60, 30, 15, 10, 5, 1] as const;

/**
 * What to announce when the remaining time went from `before` to `after` (ms): the last threshold
 * crossed, or null. A jump over several thresholds (the tab slept) says only the latest.
 */
export function announcementBetween(before: number, after: number): string | null {
  if (after <= 0 && before > 0) return 'Time is up.';
  let crossed: number | null = null;
  for (const minutes of ANNOUNCE_AT_MINUTES) {
    const at = minutes * 60_000;
    if (before > at && after <= at) crossed = minutes;
  }
  return crossed === null ? null : `${amount(crossed, MINUTES)} left.`;
}

/** "Last day today", "1 day left", "152 days left", "Closed" for the exam window whose last day is `last`. */
export function windowWords(today: string, last: string): string {
  const days = daysBetween(today, last);
  if (days === null) return '';
  if (days < 0) return 'Closed';
  if (days === 0) return 'Last day today';
  return `${amount(days, { one: 'day', many: 'days' })} left`;
}
