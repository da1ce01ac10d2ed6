import type { CredentialState, CredentialView } from '../api/credentials';
import { words } from '../format';

/** A holder's credentials: each state in words, and which are current and which are earlier. */

const STATE_WORDS: Record<CredentialState, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  suspended: { label: 'Suspended', color: 'orange' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
  superseded: { label: 'Superseded', color: 'gray' },
};

/** The server's reason codes for a status bit, after the state: "Suspended: by a decision of the body". */
const REASON_WORDS: Record<string, string> = {
  suspended: 'by a decision of the body',
  lapsed: 'the certification lapsed and is in its grace period',
  withdrawn: 'the certification was withdrawn',
  expired: 'the certification expired',
  superseded: 'a newer credential replaced it',
};

/** The state's badge, and the line saying why when a status bit is set. */
export function stateWords(credential: Pick<CredentialView, 'state' | 'reason'>): { label: string; color: string; line: string } {
  const known = STATE_WORDS[credential.state] ?? { label: credential.state, color: 'gray' };
  const reason = credential.reason?.trim();
  return { ...known, line: reason ? `${known.label}: ${REASON_WORDS[reason] ?? words(reason)}` : known.label };
}

/** Only an active credential is offered for a LinkedIn profile: one that a verifier would find valid. */
export const canShare = (credential: Pick<CredentialView, 'state'>) => credential.state === 'active';

/**
 * Newest first, split in those that stand for a certification now (active, suspended, expired
 * within grace) and earlier ones (replaced by a renewal, or revoked), which the page folds away.
 */
export function splitCredentials<C extends Pick<CredentialView, 'state' | 'issuedAt'>>(
  credentials: readonly C[],
): { current: C[]; earlier: C[] } {
  const newest = [...credentials].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const earlier = (c: C) => c.state === 'superseded' || c.state === 'revoked';
  return { current: newest.filter((c) => !earlier(c)), earlier: newest.filter(earlier) };
}

const ISSUE_WORDS: Record<string, string> = {
  award: 'on the award',
  renewal: 'on renewal',
  extension: 'for an extension',
  restored: 'on restoration',
  'name-change': 'for a change of name',
};

/** Why it was issued, after "Issued Dec 1, 2026": "on renewal". */
export const issueWords = (reason: string) => ISSUE_WORDS[reason] ?? `for ${words(reason)}`;
