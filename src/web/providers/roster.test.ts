import { describe, expect, it } from 'vitest';
import type { Offering } from '../api/applications';
import { attendanceCount, offeringSummary, reportSentence, rosterTemplate } from './roster';

const report = { rows: 2, added: 2, updated: 0, unchanged: 0, matched: 1, unmatched: 1, changes: [], confirmationsPending: 0 };

describe('a roster import', () => {
  it('is reported in words: what was recorded, and who is matched', () => {
    expect(reportSentence(report)).toBe(
      '2 rows recorded: 2 added; 1 newly matched, 1 attendee not matched to a certificant yet (kept, and matched when they register or add that e-mail).',
    );
    expect(reportSentence({ ...report, rows: 1, added: 0, unchanged: 1, matched: 0, unmatched: 0 })).toBe(
      '1 row recorded: 1 unchanged; every attendee is matched to a certificant.',
    );
  });

  it('has a template with the columns the server reads', () => {
    expect(rosterTemplate('2027-06-03', 3).split('\n')[0]).toBe('name,email,number,completed_on,hours,grade');
    expect(rosterTemplate('2027-06-03', 3)).toContain('Jane Example,jane@example.org,,2027-06-03,3,');
  });
});

const offering: Offering = {
  id: '00000000-0000-4000-8000-000000000001',
  applicationId: '00000000-0000-4000-8000-000000000002',
  title: 'Wetland plant identification',
  type: 'course',
  virtual: false,
  dates: ['2027-06-03', '2027-06-04'],
  hours: 3,
  categories: ['wetlands', 'plant-ecology'],
  approvalCode: 'SER-2027-1',
  recurring: false,
  validFrom: '2027-06-03',
  validUntil: '2027-06-04',
  withdrawnAt: null,
  attendance: 0,
};

describe('an approved offering', () => {
  it('is summed up in one line: type, format, dates, hours approved and categories', () => {
    expect(offeringSummary(offering)).toBe(
      'Course · In person · Jun 3, 2027, Jun 4, 2027 · 3 hours approved · wetlands, plant ecology',
    );
    expect(offeringSummary({ ...offering, type: 'webinar', virtual: true, dates: [], hours: 1, categories: [] })).toBe(
      'Webinar · Virtual · dates not given · 1 hour approved',
    );
    const many = Array.from({ length: 8 }, (_, i) => `2027-07-0${i + 1}`);
    expect(offeringSummary({ ...offering, dates: many })).toContain('Jul 6, 2027 and 2 more');
  });

  it('says how many attendees were reported', () => {
    expect(attendanceCount(0)).toBe('No attendance reported yet.');
    expect(attendanceCount(1)).toBe('1 attendee reported so far.');
    expect(attendanceCount(1200)).toBe('1,200 attendees reported so far.');
  });
});
