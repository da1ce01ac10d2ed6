import { describe, expect, it } from 'vitest';
import { ApiError } from './api/client';
import { fieldIssue, fieldOfPath, problemLines } from './forms';

describe('the server’s problems on a form', () => {
  it('name a field by the first part of their path', () => {
    expect(fieldOfPath('body.userIds[1]')).toBe('userIds');
    expect(fieldOfPath('body.reason')).toBe('reason');
    expect(fieldOfPath('grounds')).toBe('grounds');
    expect(fieldOfPath('body')).toBe('');
  });

  it('give a field its message when a refusal names it, capitalized', () => {
    const refused = new ApiError(400, 'Bad Request', 'invalid', 'invalid-input', [
      { path: 'body.grounds', message: 'say why, in at least 10 characters' },
    ]);
    expect(fieldIssue(refused, 'grounds')).toBe('Say why, in at least 10 characters');
    expect(fieldIssue(refused, 'reason')).toBeUndefined();
    expect(fieldIssue(new ApiError(409, 'Conflict', 'late', 'conflict', refused.errors), 'grounds')).toBe(
      'Say why, in at least 10 characters',
    );
    expect(fieldIssue(new ApiError(409, 'Conflict', 'late', 'conflict', []), 'grounds')).toBeUndefined();
    expect(fieldIssue(new Error('offline'), 'grounds')).toBeUndefined();
  });
});

describe('the summary under a form', () => {
  it('has one line per field at fault, in the order of the labels', () => {
    const labels = { kind: 'Kind of notice', text: 'Reason' };
    expect(problemLines({ text: 'Is required', kind: 'Choose one' }, labels)).toEqual([
      'Kind of notice: Choose one',
      'Reason: Is required',
    ]);
    expect(problemLines({ kind: undefined }, labels)).toEqual([]);
  });
});
