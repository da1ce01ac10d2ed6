import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addYears,
  daysInMonth,
  formatDate,
  fromYmd,
  isLeapYear,
  onMonthDay,
  parseDate,
  requireDate,
  toYmd,
  yearOf,
} from './calendar-date';

const EPOCH = Temporal.PlainDate.from('1970-01-01');

/** The reference: a day number as a Temporal date. */
function plain(dayNumber: number): Temporal.PlainDate {
  return EPOCH.add({ days: dayNumber });
}

function dayNumberOf(date: Temporal.PlainDate): number {
  return EPOCH.until(date, { largestUnit: 'days' }).days;
}

// 0001-01-01 .. 9999-12-31: everything YYYY-MM-DD can write.
const FIRST = dayNumberOf(Temporal.PlainDate.from('0001-01-01'));
const LAST = dayNumberOf(Temporal.PlainDate.from('9999-12-31'));
const anyDay = fc.integer({ min: FIRST, max: LAST });
// A window where adding ±100 years stays inside four-digit years.
const modernDay = fc.integer({
  min: dayNumberOf(Temporal.PlainDate.from('1800-01-01')),
  max: dayNumberOf(Temporal.PlainDate.from('2300-12-31')),
});
const anyYmd = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

describe('day numbers', () => {
  it('are days since 1970-01-01', () => {
    expect(fromYmd(1970, 1, 1)).toBe(0);
    expect(fromYmd(1970, 1, 2)).toBe(1);
    expect(fromYmd(1969, 12, 31)).toBe(-1);
    expect(fromYmd(2000, 3, 1) - fromYmd(2000, 2, 28)).toBe(2);
  });

  it('fromYmd agrees with Temporal', () => {
    fc.assert(
      fc.property(anyYmd, ({ year, month, day }) => {
        expect(fromYmd(year, month, day)).toBe(dayNumberOf(Temporal.PlainDate.from({ year, month, day })));
      }),
    );
  });

  it('toYmd inverts fromYmd, and fromYmd inverts toYmd', () => {
    fc.assert(
      fc.property(anyYmd, (ymd) => {
        expect(toYmd(fromYmd(ymd.year, ymd.month, ymd.day))).toEqual(ymd);
      }),
    );
    fc.assert(
      fc.property(anyDay, (dayNumber) => {
        const { year, month, day } = toYmd(dayNumber);
        expect(fromYmd(year, month, day)).toBe(dayNumber);
        expect({ year, month, day }).toEqual({
          year: plain(dayNumber).year,
          month: plain(dayNumber).month,
          day: plain(dayNumber).day,
        });
      }),
    );
  });

  it('isLeapYear and daysInMonth agree with Temporal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const reference = Temporal.PlainYearMonth.from({ year, month });
        expect(isLeapYear(year)).toBe(reference.inLeapYear);
        expect(daysInMonth(year, month)).toBe(reference.daysInMonth);
      }),
    );
  });
});

describe('parseDate and formatDate', () => {
  it('round-trip: parseDate(formatDate(d)) === d and formatDate matches Temporal', () => {
    fc.assert(
      fc.property(anyDay, (dayNumber) => {
        const text = formatDate(dayNumber);
        expect(text).toBe(plain(dayNumber).toString());
        expect(parseDate(text)).toBe(dayNumber);
        // A second call (served from the cache between 1900 and 2199) gives the same text.
        expect(formatDate(dayNumber)).toBe(text);
      }),
    );
  });

  it('round-trip: formatDate(parseDate(s)) === s for every valid YYYY-MM-DD', () => {
    fc.assert(
      fc.property(anyYmd, ({ year, month, day }) => {
        const text = Temporal.PlainDate.from({ year, month, day }).toString();
        const parsed = parseDate(text);
        expect(parsed).not.toBeNull();
        expect(formatDate(parsed as number)).toBe(text);
      }),
    );
  });

  it.each([
    '2021-02-29',
    '2021-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-01-00',
    '0000-01-01',
    '2021-2-1',
    '',
    '2021-02-01T00:00',
    ' 2021-02-01',
    '2021/02/01',
    '20210201xx',
    '2021-0a-01',
    '+202-01-01',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull();
    expect(() => requireDate(text)).toThrow(RangeError);
  });

  it.each(['2020-02-29', '2000-02-29', '2021-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(formatDate(requireDate(text))).toBe(text);
  });

  it('accepts exactly the strings Temporal reads as a strict YYYY-MM-DD date', () => {
    const digit = fc.constantFrom(...'0123456789');
    const near = fc
      .tuple(
        fc.array(digit, { minLength: 4, maxLength: 4 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
      )
      .map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 12 })), (text) => {
        let reference: number | null = null;
        if (/^\d{4}-\d{2}-\d{2}$/.test(text) && text.slice(0, 4) !== '0000') {
          try {
            reference = dayNumberOf(Temporal.PlainDate.from(text, { overflow: 'reject' }));
          } catch {
            reference = null;
          }
        }
        expect(parseDate(text)).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date arithmetic agrees with Temporal (overflow: constrain)', () => {
  it('adding days', () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -40_000, max: 40_000 }), (dayNumber, days) => {
        expect(formatDate(dayNumber + days)).toBe(plain(dayNumber).add({ days }).toString());
      }),
    );
  });

  it('addMonths', () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -1200, max: 1200 }), (dayNumber, months) => {
        const expected = plain(dayNumber).add({ months }, { overflow: 'constrain' }).toString();
        expect(formatDate(addMonths(dayNumber, months))).toBe(expected);
      }),
    );
  });

  it('addYears', () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: -100, max: 100 }), (dayNumber, years) => {
        const expected = plain(dayNumber).add({ years }, { overflow: 'constrain' }).toString();
        expect(formatDate(addYears(dayNumber, years))).toBe(expected);
      }),
    );
  });

  it.each([
    ['2021-01-31', 1, '2021-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2021-12-15', 1, '2022-01-15'],
    ['2022-01-15', -1, '2021-12-15'],
  ])('addMonths(%s, %i) = %s', (from, months, expected) => {
    expect(formatDate(addMonths(requireDate(from), months))).toBe(expected);
  });

  it('addYears constrains a leap day: 2020-02-29 + 1 year = 2021-02-28, + 4 years = 2024-02-29', () => {
    expect(formatDate(addYears(requireDate('2020-02-29'), 1))).toBe('2021-02-28');
    expect(formatDate(addYears(requireDate('2020-02-29'), 4))).toBe('2024-02-29');
  });

  it('onMonthDay constrains 02-29 outside leap years; yearOf reads the year', () => {
    expect(formatDate(onMonthDay(2023, 2, 29))).toBe('2023-02-28');
    expect(formatDate(onMonthDay(2024, 2, 29))).toBe('2024-02-29');
    expect(formatDate(onMonthDay(2022, 12, 2))).toBe('2022-12-02');
    fc.assert(
      fc.property(anyDay, (dayNumber) => {
        expect(yearOf(dayNumber)).toBe(plain(dayNumber).year);
      }),
    );
  });
});
