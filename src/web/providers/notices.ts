import { daysBetween } from '../../core/dates/calendar-date';
import type { Appeal, Notice, NoticeKind, ProviderStatus, StaffMember } from '../api/providers';

/** Monitoring notices and appeals: what staff may record, how long an appeal may wait, a committee and its votes. */

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  note: 'Monitoring note',
  warning: 'Warning',
  suspension: 'Suspension',
  termination: 'Termination',
  reinstatement: 'Reinstatement',
};

export const NOTICE_COLORS: Record<NoticeKind, string> = {
  note: 'gray',
  warning: 'yellow',
  suspension: 'orange',
  termination: 'red',
  reinstatement: 'green',
};

/** The statuses each decision may follow, as the server has them; a termination is lifted only on appeal. */
const ALLOWED_FROM: Record<Exclude<NoticeKind, 'note'>, readonly ProviderStatus[]> = {
  warning: ['active', 'warned'],
  suspension: ['active', 'warned'],
  termination: ['active', 'warned', 'suspended'],
  reinstatement: ['warned', 'suspended'],
};

/** What this member of staff may record for a provider of this status: notes (staff), decisions (admins). */
export function noticeKindsFor(status: ProviderStatus, admin: boolean): NoticeKind[] {
  const decisions = admin
    ? (Object.keys(ALLOWED_FROM) as Exclude<NoticeKind, 'note'>[]).filter((kind) => ALLOWED_FROM[kind].includes(status))
    : [];
  return ['note', ...decisions];
}

export type AppealWindow = { open: true; daysLeft: number } | { open: false; closedOn: string };

/** Whether a termination may still be appealed today (the last day, `appealBy`, included). */
export function appealWindow(appealBy: string, today: string): AppealWindow {
  const daysLeft = daysBetween(today, appealBy);
  return daysLeft !== null && daysLeft >= 0 ? { open: true, daysLeft } : { open: false, closedOn: appealBy };
}

/** The termination notices that may be appealed, newest first (the server lists them so). */
export const terminations = (notices: readonly Notice[]) => notices.filter((notice) => notice.kind === 'termination');

/** Why this choice cannot be the committee, or null: an odd number (never a tie), at most 15. */
export function committeeProblem(userIds: readonly string[]): string | null {
  if (userIds.length === 0) return 'Choose at least one member';
  if (userIds.length > 15) return 'Choose at most 15 members';
  if (userIds.length % 2 === 0) return 'Choose an odd number of members, so the majority is never tied';
  return null;
}

export interface Tally {
  members: number;
  /** Votes needed to decide. */
  majority: number;
  uphold: number;
  overturn: number;
  pending: number;
}

export function tally(appeal: Appeal): Tally {
  const members = appeal.votes.length;
  const count = (vote: 'uphold' | 'overturn') => appeal.votes.filter((v) => v.vote === vote).length;
  const uphold = count('uphold');
  const overturn = count('overturn');
  return { members, majority: Math.floor(members / 2) + 1, uphold, overturn, pending: members - uphold - overturn };
}

/** The member's own place on the committee: not on it, to vote, or voted. */
export function myBallot(appeal: Appeal, userId: string): 'not-member' | 'to-vote' | 'voted' {
  const mine = appeal.votes.find((vote) => vote.memberUserId === userId);
  if (!mine) return 'not-member';
  return mine.vote === null ? 'to-vote' : 'voted';
}

/** A user's name from the staff list, else a neutral word (someone no longer on staff). */
export function staffName(staff: readonly StaffMember[] | undefined, userId: string | null): string {
  if (userId === null) return 'a member of staff';
  return staff?.find((member) => member.userId === userId)?.displayName ?? 'a former member of staff';
}

export const APPEAL_STATUS_LABELS: Record<Appeal['status'], string> = {
  open: 'Open: the committee is deciding',
  upheld: 'Decided: the termination was upheld',
  overturned: 'Decided: the termination was overturned',
};

export const APPEAL_STATUS_COLORS: Record<Appeal['status'], string> = { open: 'blue', upheld: 'red', overturned: 'green' };

/** The latest appeal of each notice, by notice id (appeals listed newest first, as the server lists them). */
export function appealsByNotice(appeals: readonly Appeal[]): Map<string, Appeal> {
  const byNotice = new Map<string, Appeal>();
  for (const appeal of appeals) if (!byNotice.has(appeal.noticeId)) byNotice.set(appeal.noticeId, appeal);
  return byNotice;
}
