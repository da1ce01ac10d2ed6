import { describe, expect, it } from 'vitest';
import { NEW_PASSWORD_HINT, newPasswordProblem } from './passwords';

describe('a new password', () => {
  it('is checked with the server’s rule, in its words', () => {
    expect(NEW_PASSWORD_HINT).toBe('At least 10 characters');
    expect(newPasswordProblem('short')).toBe('Must be at least 10 characters');
    expect(newPasswordProblem('a long enough password')).toBeUndefined();
  });
});
