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
  options: { code?: RecertErrorCode; what: string; label?: ItemLabel; crossChecks?: (raw: unknown, add: AddIssue) => void },
): z.output<S> {
  const { data, issues } = issuesOf(schema, value, options.crossChecks ?? (() => {}), options.label);
  if (issues.length > 0) throw new RecertError(options.code ?? 'invalid-input', `${options.what} is invalid`, issues);
  return data as z.output<S>;
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}

/** Adds one issue at a path; cross-field checks take this so they run inside zod or on raw input alike. */
export type AddIssue = (path: PathPart[], message: string) => void;

export function issueAdder(ctx: z.RefinementCtx): AddIssue {
  return (path, message) => ctx.addIssue({ code: 'custom', path, message });
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * Parses with a schema whose cross-field checks live in a superRefine. Zod
 * skips those once any field fails, so on failure they run again on the raw
 * value: one answer lists every problem.
 */
export function issuesOf<S extends z.ZodType>(
  schema: S,
  value: unknown,
  crossChecks: (raw: unknown, add: AddIssue) => void,
  label?: ItemLabel,
): { data: z.output<S>; issues: [] } | { data: undefined; issues: FieldIssue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, issues: [] };
  const issues = toFieldIssues(result.error, label);
  const seen = new Set(issues.map((issue) => `${issue.path}\n${issue.message}`));
  crossChecks(value, (path, message) => {
    const issue = { path: formatPath(path, label), message };
    if (!seen.has(`${issue.path}\n${issue.message}`)) issues.push(issue);
  });
  return { data: undefined, issues };
}
