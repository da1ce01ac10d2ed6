import { Temporal } from 'temporal-polyfill';

/**
 * The instant requests close: the policy's request date at its local time
 * ("end of business day") in the body's time zone. Temporal does the zone
 * arithmetic, so daylight saving and the zone's offset on that date are right.
 */
export function extensionRequestClosesAt(requestBy: string, requestByTime: string, timeZone: string): Date {
  const local = Temporal.PlainDateTime.from(`${requestBy}T${requestByTime}`);
  return new Date(local.toZonedDateTime(timeZone).epochMilliseconds);
}

/** "December 1, 2022 at 17:00 (America/New_York)": how people read the cut-off. */
export function describeCutOff(requestBy: string, requestByTime: string, timeZone: string): string {
  const day = Temporal.PlainDate.from(requestBy).toLocaleString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  return `${day} at ${requestByTime} (${timeZone})`;
}
