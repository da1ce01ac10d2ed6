import { Temporal } from 'temporal-polyfill';
import { addMonths, formatDate, requireDate } from '../dates/calendar-date';

/**
 * The exam window: the exam must be taken within `windowMonths` of the
 * registration date, in the body's time zone: registered 2026-01-15, six
 * months, the last day is 2026-07-15 (a day the month lacks becomes its last:
 * 2026-08-31 gives 2027-02-28). An admin's extension replaces the last day;
 * the window never resets (a retake, a new edition).
 */
export function windowClosesOn(
  registeredOn: string,
  windowMonths: number | null,
  extendedTo: string | null = null,
): string | null {
  if (extendedTo) return extendedTo;
  if (windowMonths === null) return null;
  return formatDate(addMonths(requireDate(registeredOn), windowMonths));
}

/** The instant a window's last day ends in the body's time zone (midnight starting the next day, DST-aware). */
export function endOfDayAt(lastDay: string, timeZone: string): Date {
  const next = Temporal.PlainDate.from(lastDay).add({ days: 1 });
  return new Date(next.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Whether `today` (a date in the body's zone) is inside the window. */
export function windowIsOpen(registeredOn: string, closesOn: string | null, today: string): boolean {
  return today >= registeredOn && (closesOn === null || today <= closesOn);
}

/**
 * An attempt's hard deadline: start + time limit + accommodation, never later
 * than the end of the window's last day. Started at a whole second (the
 * server's clock, milliseconds dropped), so the deadline falls on one too.
 */
export function attemptDeadline(options: {
  startedAt: Date;
  timeLimitMinutes: number | null;
  accommodationMinutes: number;
  windowEndsAt: Date | null;
}): Date {
  const start = Math.floor(options.startedAt.getTime() / 1000) * 1000;
  const limit =
    options.timeLimitMinutes === null ? Infinity : start + (options.timeLimitMinutes + options.accommodationMinutes) * 60_000;
  const end = Math.min(limit, options.windowEndsAt?.getTime() ?? Infinity);
  if (!Number.isFinite(end)) throw new Error('an exam attempt needs a time limit or a window');
  return new Date(end);
}

/** Whole seconds left before a deadline (0 once it has passed): what the browser counts down from. */
export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}
