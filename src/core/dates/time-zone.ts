/** Whether the runtime knows this IANA time zone (Intl only, so browsers need no Temporal for it). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
