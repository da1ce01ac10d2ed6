/**
 * The one error type the product raises on purpose. Each runtime maps the
 * code once, at its edge: the CLI to an exit code, the HTTP server to a status
 * and an application/problem+json body.
 */
export type RecertErrorCode =
  | 'invalid-input'
  | 'invalid-policy'
  | 'unknown-program'
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'rate-limited'
  | 'payload-too-large'
  | 'unsupported-media-type';

/** One problem with one field: `path` is printable, e.g. `activities[2] (id "a3").hours`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class RecertError extends Error {
  readonly code: RecertErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: RecertErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'RecertError';
    this.code = code;
    this.issues = issues;
  }
}

export function isRecertError(error: unknown): error is RecertError {
  return error instanceof RecertError;
}
