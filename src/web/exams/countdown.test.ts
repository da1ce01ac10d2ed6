import { describe, expect, it } from 'vitest';
import {
  anchorFrom,
  announcementBetween,
  formatRemaining,
  remainingAt,
  remainingWords,
  urgencyOf,
  windowWords,
} from './countdown';

describe('the countdown', () => {
  it('starts from the server’s deadline and clock, less half the round trip', () => {
    const anchor = anchorFrom({ deadline: '2026-11-16T17:00:00.000Z', serverNow: '2026-11-16T15:30:00.000Z' }, 1000, 1400);
    expect(anchor).toEqual({ remainingMs: 90 * 60_000 - 200, at: 1400 });
  });

  it('ignores the browser’s wall clock: only the monotonic time since the answer counts', () => {
    const anchor = { remainingMs: 5_000, at: 10_000 };
    expect(remainingAt(anchor, 10_000)).toBe(5_000);
    expect(remainingAt(anchor, 12_500)).toBe(2_500);
    expect(remainingAt(anchor, 20_000)).toBe(0);
    // A monotonic clock never goes back; if it seemed to, no time is given back.
    expect(remainingAt(anchor, 9_000)).toBe(5_000);
  });

  it('is 0 when the server’s time is past the deadline, and refuses what is not a time', () => {
    expect(anchorFrom({ deadline: '2026-11-16T15:00:00Z', serverNow: '2026-11-16T15:00:01Z' }, 0, 0)?.remainingMs).toBe(0);
    expect(anchorFrom({ deadline: 'soon', serverNow: '2026-11-16T15:00:01Z' }, 0, 0)).toBeNull();
  });

  it('resumes with the same time left: two answers of the server a minute apart give the same deadline', () => {
    const deadline = '2026-11-16T17:00:00.000Z';
    const first = anchorFrom({ deadline, serverNow: '2026-11-16T15:00:00.000Z' }, 0, 0)!;
    // A reload a minute later: a new page, a new monotonic clock starting at 0.
    const second = anchorFrom({ deadline, serverNow: '2026-11-16T15:01:00.000Z' }, 0, 0)!;
    expect(remainingAt(first, 60_000)).toBe(second.remainingMs);
  });

  it.each([
    [2 * 3600_000, '2:00:00'],
    [2 * 3600_000 - 1, '2:00:00'],
    [3599_001, '1:00:00'],
    [3599_000, '59:59'],
    [65_000, '1:05'],
    [999, '0:01'],
    [0, '0:00'],
    [-5, '0:00'],
  ])('shows %i ms as %s (whole seconds rounded up: 0:00 only once the time is up)', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });

  it.each([
    [2 * 3600_000, '2 hours'],
    [3600_000 + 60_000, '1 hour 1 minute'],
    [4 * 60_000 + 1, '5 minutes'],
    [59_000, '59 seconds'],
    [1000, '1 second'],
    [0, 'no time'],
  ])('says %i ms as "%s"', (ms, words) => {
    expect(remainingWords(ms)).toBe(words);
  });

  it('draws the last ten minutes and the last minute differently', () => {
    expect(urgencyOf(10 * 60_000 + 1)).toBe('calm');
    expect(urgencyOf(10 * 60_000)).toBe('soon');
    expect(urgencyOf(60_000)).toBe('last-minute');
    expect(urgencyOf(0)).toBe('over');
  });

  it('announces each threshold once, the latest when several pass at once, and the end', () => {
    expect(announcementBetween(30 * 60_000 + 500, 30 * 60_000 - 500)).toBe('30 minutes left.');
    expect(announcementBetween(30 * 60_000 - 500, 30 * 60_000 - 1500)).toBeNull();
    expect(announcementBetween(61_000, 60_000)).toBe('1 minute left.');
    expect(announcementBetween(40 * 60_000, 4 * 60_000)).toBe('5 minutes left.');
    expect(announcementBetween(500, 0)).toBe('Time is up.');
    expect(announcementBetween(0, 0)).toBeNull();
  });
});

describe('the exam window', () => {
  it('counts the days to its last day, which is still open', () => {
    expect(windowWords('2026-11-16', '2027-05-16')).toBe('181 days left');
    expect(windowWords('2027-05-15', '2027-05-16')).toBe('1 day left');
    expect(windowWords('2027-05-16', '2027-05-16')).toBe('Last day today');
    expect(windowWords('2027-05-17', '2027-05-16')).toBe('Closed');
  });
});
