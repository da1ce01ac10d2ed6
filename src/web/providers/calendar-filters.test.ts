import { describe, expect, it } from 'vitest';
import {
  calendarFiltersFrom,
  calendarSearch,
  checkCalendarFilters,
  datesShown,
  offeringTypeLabel,
  toCategory,
} from './calendar-filters';

const blank = { from: '', to: '', type: '', category: '', format: '', q: '' };

describe('the calendar filters in the address', () => {
  it('keeps valid filters, trimmed, and leaves out what is not one', () => {
    expect(
      calendarFiltersFrom({
        from: '2027-03-01',
        to: '2027-02-30',
        type: ' workshop ',
        category: '',
        format: 'online',
        q: 'prairie',
        limit: '5',
      }),
    ).toEqual({ from: '2027-03-01', type: 'workshop', q: 'prairie' });
    expect(calendarFiltersFrom({ format: 'in-person', q: 42, to: '2027-12-31' })).toEqual({
      format: 'in-person',
      to: '2027-12-31',
    });
    expect(calendarFiltersFrom({ q: 'x'.repeat(201) })).toEqual({});
  });

  it('is one query string for the page, the API and the feed, in a fixed order, empty when unfiltered', () => {
    expect(calendarSearch({})).toBe('');
    expect(calendarSearch({ q: 'soil & water', format: 'virtual', from: '2027-01-01', category: ' ' })).toBe(
      '?from=2027-01-01&format=virtual&q=soil+%26+water',
    );
  });
});

describe('the filters as typed', () => {
  it('are checked: dates in order, text not too long', () => {
    expect(checkCalendarFilters({ ...blank, from: '2027-05-01', to: '2027-04-30' })).toEqual({
      filters: null,
      errors: { to: 'Must not be before the first day' },
    });
    expect(checkCalendarFilters({ ...blank, from: 'soon', category: 'c'.repeat(61) }).errors).toEqual({
      from: 'Must be a date',
      category: 'Must be at most 60 characters',
    });
  });

  it('become filters, the category written as stored', () => {
    expect(
      checkCalendarFilters({ ...blank, from: '2027-05-01', to: '2027-05-01', category: ' Employment Law ', format: 'virtual' }),
    ).toEqual({
      filters: { from: '2027-05-01', to: '2027-05-01', category: 'employment-law', format: 'virtual' },
      errors: null,
    });
    expect(toCategory('risk_management')).toBe('risk-management');
  });
});

describe('listings', () => {
  it('name the type in words', () => {
    expect(offeringTypeLabel('recurring-course')).toBe('Recurring course');
    expect(offeringTypeLabel('field-trip')).toBe('field trip');
  });

  it('show at most a few dates and count the rest', () => {
    expect(datesShown(['2027-01-01', '2027-01-02', '2027-01-03'], 2)).toEqual({ shown: ['2027-01-01', '2027-01-02'], more: 1 });
    expect(datesShown(['2027-01-01'])).toEqual({ shown: ['2027-01-01'], more: 0 });
  });
});
