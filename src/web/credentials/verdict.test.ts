import { describe, expect, it } from 'vitest';
import { CHECKS, checkOutcome, credentialDate, verdictWords } from './verdict';

describe('a verdict', () => {
  it('is said in words, green only when valid', () => {
    expect(verdictWords({ verdict: 'valid', supersededBy: null })).toEqual({ label: 'Valid', color: 'green' });
    expect(verdictWords({ verdict: 'suspended', supersededBy: null })).toEqual({ label: 'Suspended', color: 'orange' });
    expect(verdictWords({ verdict: 'revoked', supersededBy: null })).toEqual({ label: 'Revoked', color: 'red' });
    expect(verdictWords({ verdict: 'not-yet-valid', supersededBy: null }).label).toBe('Not yet valid');
    expect(verdictWords({ verdict: 'malformed', supersededBy: null }).label).toBe('Not a credential');
    for (const verdict of ['revoked', 'suspended', 'expired', 'tampered', 'unknown-key', 'malformed', 'unsupported'] as const)
      expect(verdictWords({ verdict, supersededBy: null }).color).not.toBe('green');
  });

  it('of a credential a renewal replaced reads superseded, not revoked', () => {
    expect(verdictWords({ verdict: 'revoked', supersededBy: 'b5c1c0de-0000-4000-8000-000000000000' })).toEqual({
      label: 'Superseded',
      color: 'gray',
    });
    // A suspended credential stays suspended even when a newer one exists.
    expect(verdictWords({ verdict: 'suspended', supersededBy: 'b5c1c0de-0000-4000-8000-000000000000' }).label).toBe('Suspended');
  });
});

describe('a check', () => {
  it('passed, failed or was not checked', () => {
    expect(checkOutcome(true).label).toBe('Passed');
    expect(checkOutcome(false)).toEqual({ label: 'Failed', color: 'red' });
    expect(checkOutcome(null).label).toBe('Not checked');
  });

  it('is listed once each, every check of the answer', () => {
    expect(CHECKS.map((c) => c.name).sort()).toEqual(['dates', 'format', 'issuerKey', 'revocation', 'signature', 'suspension']);
  });
});

describe('a credential date', () => {
  it('gives back the calendar date of the body whatever its time zone', () => {
    // Dec 1, 2026 begins at 06:00 UTC in Chicago, at 23:00 UTC the day before in Berlin, at 13:45 the day before in Kathmandu.
    expect(credentialDate('2026-12-01T06:00:00Z')).toBe('Dec 1, 2026');
    expect(credentialDate('2026-11-30T23:00:00Z')).toBe('Dec 1, 2026');
    expect(credentialDate('2026-11-30T18:15:00.000Z')).toBe('Dec 1, 2026');
    // Its last second: 05:59:59 UTC the next day in Chicago, 22:59:59 UTC in Berlin.
    expect(credentialDate('2026-12-02T05:59:59Z', 'end')).toBe('Dec 1, 2026');
    expect(credentialDate('2026-12-01T22:59:59Z', 'end')).toBe('Dec 1, 2026');
    expect(credentialDate('2026-12-01T23:59:59Z', 'end')).toBe('Dec 1, 2026');
  });

  it('shows a plain date as it is, and an instant that is no midnight with its time', () => {
    expect(credentialDate('2026-12-01')).toBe('Dec 1, 2026');
    expect(credentialDate('2026-12-01T14:23:07Z')).toMatch(/^Dec [12], 2026, \d{1,2}:23\s[AP]M$/);
    expect(credentialDate('soon')).toBe('soon');
  });
});
