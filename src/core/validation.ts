import type { z } from 'zod';
import { RecertError, type FieldIssue, type RecertErrorCode } from './errors';

type PathPart = PropertyKey;

/** Optional hook that names an array item better than its index (e.g. by its id). */
export type ItemLabel = (path: readonly PathPart[], index: number) => string | undefined;

/** `['activities', 2, 'hours']` → `activities[2].hours`, or `activities[2] (id "a3").hours` with a label. */
export function formatPath(path: readonly PathPart[], label?: ItemLabel): string {
  let out = '';
  path.forEach((part, position) => {
    if (typeof part === 'number') {
      out += `[${part}]`;
      const name = label?.(path.slice(0, position), part);
      if (name) out += ` (${name})`;
    } else {
      out += out === '' ? String(part) : `.${String(part)}`;
    }
  });
  return out || '(input)';
}

export function toFieldIssues(error: z.ZodError, label?: ItemLabel): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, label), message: issue.message }));
}

/** Parses with a zod schema, throwing one RecertError that lists every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { code?: RecertErrorCode; what: string; label?: ItemLabel },
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error, options.label);
  throw new RecertError(options.code ?? 'invalid-input', `${options.what} is invalid`, issues);
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
