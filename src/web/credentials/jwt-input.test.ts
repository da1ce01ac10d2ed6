import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { checkJwtFile, checkPastedJwt, JWT_FILE_MAX_BYTES, verifyRefusal } from './jwt-input';

describe('a credential file', () => {
  it('is read up to 128 KB, and refused beyond with the field named', () => {
    expect(checkJwtFile({ size: 900 })).toBeNull();
    expect(checkJwtFile({ size: JWT_FILE_MAX_BYTES })).toBeNull();
    expect(checkJwtFile({ size: JWT_FILE_MAX_BYTES + 1 })).toBe(
      'Credential file: the file is larger than 128 KB, too large for a credential',
    );
    expect(checkJwtFile({ size: 300 * 1024 })).toBe(
      'Credential file: the file is larger than 128 KB (300 KB), too large for a credential',
    );
    expect(checkJwtFile({ size: 0 })).toBe('Credential file: the file is empty');
  });
});

describe('a pasted credential', () => {
  it('is sent trimmed, and refused when empty or too long', () => {
    expect(checkPastedJwt('  a.b.c\n')).toEqual({ jwt: 'a.b.c', problem: null });
    expect(checkPastedJwt(' \n ')).toEqual({ jwt: null, problem: 'Credential (VC-JWT): paste a credential or choose a file' });
    expect(checkPastedJwt('x'.repeat(JWT_FILE_MAX_BYTES + 1)).problem).toBe(
      'Credential (VC-JWT): must be at most 128 KB of text',
    );
  });
});

describe('a refused verification', () => {
  it('says the rate limit as a wait', () => {
    const refusal = verifyRefusal(new ApiError(429, 'Too many requests', 'too many attempts', 'rate-limited', []));
    expect(refusal).toMatchObject({ title: 'Too many verifications', field: null });
    expect(refusal?.detail).toMatch(/Wait a minute and try again/);
  });

  it('puts the problem of the pasted text beside its field', () => {
    const named = new ApiError(400, 'Bad Request', 'invalid input', 'invalid-input', [
      { path: 'body.jwt', message: 'too big: expected at most 131072 characters' },
    ]);
    expect(verifyRefusal(named)?.field).toBe('Credential (VC-JWT): Too big: expected at most 131072 characters');
    const whole = new ApiError(400, 'Bad Request', 'invalid input', 'invalid-input', [
      { path: 'body', message: 'invalid input' },
    ]);
    expect(verifyRefusal(whole)?.field).toBe('Credential (VC-JWT): invalid input');
  });

  it('leaves any other failure to be shown whole', () => {
    expect(verifyRefusal(new ApiError(500, 'Internal Server Error', 'boom', 'error', []))).toEqual({
      title: 'The credential was not verified',
      detail: 'boom',
      field: null,
    });
    expect(verifyRefusal(new Error('offline'))).toBeNull();
  });
});
