/**
 * Plain calendar dates as integer day numbers (days since 1970-01-01).
 *
 * Why not Temporal.PlainDate here: the compliance engine compares tens of
 * millions of activity dates per run, and a polyfilled PlainDate costs about
 * 3 µs per operation on our machines (see ARCHITECTURE.md, "Dates"). Day
 * numbers compare as integers. Every function below is checked against
 * Temporal in calendar-date.test.ts; Temporal stays the tool for anything
 * involving time zones or the clock (see today.ts).
 */
export type DayNumber = number;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] as number);
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
export function fromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toYmd(dayNumber: DayNumber): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Day numbers of January 1st and leap flags for years 1..9999, and month
// offsets: parsing is a few table reads (parseDate runs for every activity).
const YEAR_START = new Int32Array(10000);
const LEAP = new Uint8Array(10000);
for (let year = 1; year < 10000; year++) {
  YEAR_START[year] = fromYmd(year, 1, 1);
  LEAP[year] = isLeapYear(year) ? 1 : 0;
}
const DAYS_BEFORE_MONTH = [
  Int32Array.of(0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334),
  Int32Array.of(0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335),
] as const;
const MONTH_DAYS = [
  Int32Array.of(0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
  Int32Array.of(0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
] as const;

/** Parses `YYYY-MM-DD`; returns null for anything else, including 2021-02-30. */
export function parseDate(text: string): DayNumber | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  // Each digit minus '0'; `>>> 0 > 9` rejects anything that is not 0-9, negative ones included.
  const y1 = text.charCodeAt(0) - 48;
  const y2 = text.charCodeAt(1) - 48;
  const y3 = text.charCodeAt(2) - 48;
  const y4 = text.charCodeAt(3) - 48;
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || y4 >>> 0 > 9) return null;
  if (m1 >>> 0 > 9 || m2 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9) return null;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const leap = LEAP[year] as 0 | 1;
  if (day > (MONTH_DAYS[leap][month] as number)) return null;
  return (YEAR_START[year] as number) + (DAYS_BEFORE_MONTH[leap][month] as number) + day - 1;
}

/** Parses a date already known to be valid (validated input); throws otherwise. */
export function requireDate(text: string): DayNumber {
  const parsed = parseDate(text);
  if (parsed === null) throw new RangeError(`not a calendar date: ${text}`);
  return parsed;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

// Formatting is hot (every cycle and deadline of every evaluation), and the
// same few thousand days recur; their strings are kept for 1900..2199.
const CACHE_FROM = fromYmd(1900, 1, 1);
const CACHE_TO = fromYmd(2200, 1, 1);
const formatted: (string | undefined)[] = new Array<string | undefined>(CACHE_TO - CACHE_FROM);

export function formatDate(dayNumber: DayNumber): string {
  if (dayNumber >= CACHE_FROM && dayNumber < CACHE_TO) {
    const index = dayNumber - CACHE_FROM;
    return (formatted[index] ??= formatUncached(dayNumber));
  }
  return formatUncached(dayNumber);
}

function formatUncached(dayNumber: DayNumber): string {
  const { year, month, day } = toYmd(dayNumber);
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${two(month)}-${two(day)}`;
}

/** Adds calendar months, constraining the day to the target month (Jan 31 + 1 month = Feb 28/29), as Temporal does. */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = toYmd(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addYears(dayNumber: DayNumber, years: number): DayNumber {
  return addMonths(dayNumber, years * 12);
}

/** The date with the given month-day in `year`; Feb 29 becomes Feb 28 outside leap years. */
export function onMonthDay(year: number, month: number, day: number): DayNumber {
  return fromYmd(year, month, Math.min(day, daysInMonth(year, month)));
}

export function yearOf(dayNumber: DayNumber): number {
  return toYmd(dayNumber).year;
}

/** Whole days from one calendar date to another (negative when `to` is earlier); null if either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseDate(from);
  const b = parseDate(to);
  return a === null || b === null ? null : b - a;
}
