import { Alert, List } from '@mantine/core';
import { isApiError } from '../api/client';

/** A failed request in plain words: the server's problem detail and, when given, each field's problem. */
export function ProblemAlert({
  error,
  title,
  withIssues = true,
}: {
  error: unknown;
  title?: string;
  /** False when the form shows each field's problem by the field itself. */
  withIssues?: boolean;
}) {
  if (!error) return null;
  const problem = isApiError(error) ? error : null;
  return (
    <Alert color="red" title={title ?? problem?.title ?? 'Something went wrong'} role="alert">
      {problem?.detail ?? (error instanceof Error ? error.message : String(error))}
      {withIssues && problem && problem.errors.length > 0 && (
        <List size="sm" mt="xs">
          {problem.errors.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path}: {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The problems of a form, one line each, under it ("Reason: is required"); nothing when there are none. */
export function ProblemList({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <List size="sm" c="red.8" role="alert">
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}
