import { Skeleton, Stack } from '@mantine/core';
import { capitalize } from '../format';
import { ProblemAlert } from './problem-alert';

/**
 * What a query shows until its data is there: the problem when it failed, placeholders while it
 * loads, then nothing. `what` names the data: "the offerings" → "The offerings could not be loaded".
 */
export function QueryState({
  query,
  what,
  height = 160,
  count = 1,
}: {
  query: { error: unknown; isPending: boolean };
  what: string;
  /** Of each placeholder, in pixels. */
  height?: number;
  /** How many placeholders: a list shows a few. */
  count?: number;
}) {
  if (query.error) return <ProblemAlert error={query.error} title={`${capitalize(what)} could not be loaded`} />;
  if (!query.isPending) return null;
  return (
    <Stack gap="sm" aria-busy="true" aria-label={`Loading ${what}`}>
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} height={height} />
      ))}
    </Stack>
  );
}
