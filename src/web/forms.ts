import { isApiError } from './api/client';
import { capitalize } from './format';

/** Pure helpers shared by the forms: where the server's problems land, and the summary under a form. */

/** The field a problem names: "body.userIds[1]" → "userIds", "body.reason" → "reason", "grounds" → "grounds". */
export function fieldOfPath(path: string): string {
  return path.replace(/^body\.?/, '').split(/[.[]/)[0] ?? '';
}

/**
 * The server's message on one field of a refused request, capitalized for the field; else undefined.
 * Any refusal that names the field counts: a 400, or a conflict such as a notice the standing does not allow.
 */
export function fieldIssue(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const issue = error.errors.find((e) => fieldOfPath(e.path) === field);
  return issue ? capitalize(issue.message) : undefined;
}

/** One line per field at fault, in the order of the labels: "Reason: is required". */
export function problemLines<F extends string>(
  errors: Partial<Record<F, string | undefined>>,
  labels: Record<F, string>,
): string[] {
  return (Object.keys(labels) as F[]).flatMap((field) => (errors[field] ? [`${labels[field]}: ${errors[field]}`] : []));
}
