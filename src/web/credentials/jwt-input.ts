import { isApiError } from '../api/client';
import { formatBytes } from '../format';
import { fieldIssue } from '../forms';

/** The paste/upload form of /verify: what it sends, and its refusals in words naming the field. */

/** A credential file larger than this is refused in the browser (the server takes no more in a request). */
export const JWT_FILE_MAX_BYTES = 128 * 1024;
export const JWT_FILE_ACCEPT = '.jwt,.txt,text/plain,application/vc+jwt,application/jwt';
export const PASTE_LABEL = 'Credential (VC-JWT)';
export const FILE_LABEL = 'Credential file';

/** Why a chosen file is not read, or null. */
export function checkJwtFile(file: Pick<File, 'size'>): string | null {
  if (file.size === 0) return `${FILE_LABEL}: the file is empty`;
  if (file.size > JWT_FILE_MAX_BYTES) {
    const limit = formatBytes(JWT_FILE_MAX_BYTES);
    const size = formatBytes(file.size);
    return `${FILE_LABEL}: the file is larger than ${limit}${size === limit ? '' : ` (${size})`}, too large for a credential`;
  }
  return null;
}

/** The pasted text as it is sent (trimmed), or why it is not sent. */
export function checkPastedJwt(text: string): { jwt: string; problem: null } | { jwt: null; problem: string } {
  const jwt = text.trim();
  if (jwt === '') return { jwt: null, problem: `${PASTE_LABEL}: paste a credential or choose a file` };
  // Characters, not bytes: a VC-JWT is ASCII, so the two are the same for any real credential.
  if (jwt.length > JWT_FILE_MAX_BYTES)
    return { jwt: null, problem: `${PASTE_LABEL}: must be at most ${formatBytes(JWT_FILE_MAX_BYTES)} of text` };
  return { jwt, problem: null };
}

/**
 * A refused verification in words: the rate limit as a wait, the pasted text's problem beside its
 * field (`field`), anything else as the server's problem (`null`: shown as a whole).
 */
export function verifyRefusal(error: unknown): { title: string; detail: string; field: string | null } | null {
  if (!isApiError(error)) return null;
  if (error.status === 429)
    return {
      title: 'Too many verifications',
      detail: 'This address has asked for too many verifications in the last minute. Wait a minute and try again.',
      field: null,
    };
  // The body is `{ jwt }` or the bare text: a refusal of either is a problem of the pasted text.
  const issue = fieldIssue(error, 'jwt') ?? (error.status === 400 ? (error.errors[0]?.message ?? error.detail) : undefined);
  return {
    title: 'The credential was not verified',
    detail: error.detail,
    field: issue ? `${PASTE_LABEL}: ${issue}` : null,
  };
}
