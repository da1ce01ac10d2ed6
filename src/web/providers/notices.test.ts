import { describe, expect, it } from 'vitest';
import type { Appeal } from '../api/providers';
import { appealsByNotice, appealWindow, committeeProblem, myBallot, noticeKindsFor, staffName, tally } from './notices';

const appeal = (votes: Appeal['votes']): Appeal => ({
  id: 'a1',
  providerId: 'p1',
  noticeId: 'n1',
  grounds: 'We reported attendance correctly.',
  filedAt: '2026-11-02T10:00:00.000Z',
  status: 'open',
  decidedAt: null,
  votes,
});

describe('what staff may record', () => {
  it('is a note for reviewers, and for admins the decisions the standing allows', () => {
    expect(noticeKindsFor('active', false)).toEqual(['note']);
    expect(noticeKindsFor('active', true)).toEqual(['note', 'warning', 'suspension', 'termination']);
    expect(noticeKindsFor('suspended', true)).toEqual(['note', 'termination', 'reinstatement']);
    // A termination is lifted only on appeal.
    expect(noticeKindsFor('terminated', true)).toEqual(['note']);
  });
});

describe('the appeal period', () => {
  it('counts the days left, the last day included, then is closed', () => {
    expect(appealWindow('2026-12-01', '2026-11-01')).toEqual({ open: true, daysLeft: 30 });
    expect(appealWindow('2026-12-01', '2026-12-01')).toEqual({ open: true, daysLeft: 0 });
    expect(appealWindow('2026-12-01', '2026-12-02')).toEqual({ open: false, closedOn: '2026-12-01' });
  });
});

describe('a committee', () => {
  it('has an odd number of members, at least one and at most 15', () => {
    expect(committeeProblem([])).toBe('Choose at least one member');
    expect(committeeProblem(['a', 'b'])).toMatch(/odd number/);
    expect(committeeProblem(['a', 'b', 'c'])).toBeNull();
    expect(committeeProblem(Array.from({ length: 17 }, (_, i) => `u${i}`))).toBe('Choose at most 15 members');
  });

  it('decides by majority: the tally and each member’s place', () => {
    const open = appeal([
      { memberUserId: 'u1', vote: 'uphold', votedAt: '2026-11-03T10:00:00.000Z' },
      { memberUserId: 'u2', vote: null, votedAt: null },
      { memberUserId: 'u3', vote: 'overturn', votedAt: '2026-11-03T11:00:00.000Z' },
    ]);
    expect(tally(open)).toEqual({ members: 3, majority: 2, uphold: 1, overturn: 1, pending: 1 });
    expect(myBallot(open, 'u2')).toBe('to-vote');
    expect(myBallot(open, 'u1')).toBe('voted');
    expect(myBallot(open, 'u9')).toBe('not-member');
    expect(tally(appeal([]))).toEqual({ members: 0, majority: 1, uphold: 0, overturn: 0, pending: 0 });
  });

  it('names members from the staff list', () => {
    const staff = [{ userId: 'u1', displayName: 'Ada Admin', roles: ['admin' as const] }];
    expect(staffName(staff, 'u1')).toBe('Ada Admin');
    expect(staffName(staff, 'u2')).toBe('a former member of staff');
    expect(staffName(undefined, null)).toBe('a member of staff');
  });
});

describe('a provider’s appeals', () => {
  it('are found by the notice they appeal, the latest one when a notice was appealed again', () => {
    const older = { ...appeal([]), id: 'a0', status: 'upheld' as const };
    const other = { ...appeal([]), id: 'a2', noticeId: 'n2' };
    const byNotice = appealsByNotice([appeal([]), other, older]);
    expect(byNotice.get('n1')?.id).toBe('a1');
    expect(byNotice.get('n2')?.id).toBe('a2');
    expect(byNotice.get('n3')).toBeUndefined();
  });
});
