import { describe, expect, it } from 'vitest';
import type { CredentialState } from '../api/credentials';
import { canShare, issueWords, splitCredentials, stateWords } from './credential-state';

describe('a credential state', () => {
  it('is said in words, with the reason when a status bit is set', () => {
    expect(stateWords({ state: 'active', reason: null })).toEqual({ label: 'Active', color: 'green', line: 'Active' });
    expect(stateWords({ state: 'suspended', reason: 'suspended' })).toEqual({
      label: 'Suspended',
      color: 'orange',
      line: 'Suspended: by a decision of the body',
    });
    expect(stateWords({ state: 'suspended', reason: 'lapsed' }).line).toBe(
      'Suspended: the certification lapsed and is in its grace period',
    );
    expect(stateWords({ state: 'revoked', reason: 'withdrawn' }).line).toBe('Revoked: the certification was withdrawn');
    expect(stateWords({ state: 'revoked', reason: '' }).line).toBe('Revoked');
    // A reason the web does not know yet is still said in words.
    expect(stateWords({ state: 'revoked', reason: 'name-change' }).line).toBe('Revoked: name change');
    expect(stateWords({ state: 'superseded', reason: 'superseded' }).label).toBe('Superseded');
  });

  it('lets only an active credential go to a LinkedIn profile', () => {
    const states: CredentialState[] = ['active', 'suspended', 'expired', 'revoked', 'superseded'];
    expect(states.filter((state) => canShare({ state }))).toEqual(['active']);
  });
});

describe('a holder’s credentials', () => {
  it('are newest first, the superseded and revoked ones apart', () => {
    const list = [
      { id: 'old', state: 'superseded' as const, issuedAt: '2023-12-01T10:00:00.000Z' },
      { id: 'cpmsm', state: 'suspended' as const, issuedAt: '2025-02-01T10:00:00.000Z' },
      { id: 'new', state: 'active' as const, issuedAt: '2026-11-20T10:00:00.000Z' },
      { id: 'gone', state: 'revoked' as const, issuedAt: '2024-06-01T10:00:00.000Z' },
      { id: 'lapsing', state: 'expired' as const, issuedAt: '2024-01-01T10:00:00.000Z' },
    ];
    const { current, earlier } = splitCredentials(list);
    expect(current.map((c) => c.id)).toEqual(['new', 'cpmsm', 'lapsing']);
    expect(earlier.map((c) => c.id)).toEqual(['gone', 'old']);
    expect(list[0]!.id).toBe('old'); // the list given is left as it was
  });
});

describe('why a credential was issued', () => {
  it('is said in words, also for a reason the web does not know yet', () => {
    expect(issueWords('renewal')).toBe('on renewal');
    expect(issueWords('award')).toBe('on the award');
    expect(issueWords('exam-pass')).toBe('for exam pass');
  });
});
