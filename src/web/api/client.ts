/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF
 * token on every state-changing request, and problem details (RFC 9457) turned into ApiError.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed API call, carrying the server's problem detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code: string,
    readonly errors: readonly FieldProblem[],
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or GET /api/v1/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function problemFrom(status: number, statusText: string, body: unknown): ApiError {
  const problem = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
  const errors = Array.isArray(problem.errors)
    ? problem.errors.flatMap((entry: unknown) => {
        const e = (entry ?? {}) as Record<string, unknown>;
        return typeof e.path === 'string' && typeof e.message === 'string' ? [{ path: e.path, message: e.message }] : [];
      })
    : [];
  const title = text(problem.title, statusText || 'Request failed');
  return new ApiError(status, title, text(problem.detail, title), text(problem.code, 'error'), errors);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON request (the body, when given, is sent as JSON). */
export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body === undefined ? undefined : { text: JSON.stringify(body), type: 'application/json' });
}

/** A request whose body is text of another type (a CSV file); the answer is JSON as usual. */
export function apiText<T>(method: Method, path: string, text: string, type: string): Promise<T> {
  return request<T>(method, path, { text, type });
}

/**
 * A multipart/form-data request (a file upload). No content-type is set here: the browser sets it
 * with the boundary of the parts.
 */
export function apiForm<T>(method: Method, path: string, form: FormData): Promise<T> {
  return request<T>(method, path, form);
}

async function request<T>(method: Method, path: string, body?: { text: string; type: string } | FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = body.type;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : body.text }),
    });
  } catch {
    throw new ApiError(0, 'No connection', 'the server could not be reached; check your connection and try again', 'network', []);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw problemFrom(response.status, response.statusText, data);
  return data as T;
}

/** Builds a path from literal segments and values, encoding each value. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}
