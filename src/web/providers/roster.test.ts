import { describe, expect, it } from 'vitest';
import { reportSentence, rosterTemplate } from './roster';

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
