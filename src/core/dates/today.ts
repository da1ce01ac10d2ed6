import { Temporal } from 'temporal-polyfill';

/**
 * Today's calendar date in a body's time zone. The only place the core reads
 * the clock; the engine itself never calls it (callers pass `asOf`).
 */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The calendar date in `timeZone` at the moment `at` (a JavaScript Date from the server's clock). */
export function dateAt(timeZone: string, at: Date): string {
  return todayIn(timeZone, Temporal.Instant.fromEpochMilliseconds(at.getTime()));
}
