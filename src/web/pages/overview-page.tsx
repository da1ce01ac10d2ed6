import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { overviewCsvUrl, overviewQuery, reevaluateBody, type ProgramOverview } from '../api/queries';
import { STATUS_BADGES } from '../components/status-badges';
import { ProblemAlert } from '../components/problem-alert';
import { formatDay, formatNumber, words, capitalize } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { programName } from '../programs';
import { bodyNameOf, isAdminIn, isStaffIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/overview');

/** The statuses in the order a certification goes through them; any other the server reports follows. */
const STATUS_ORDER = Object.keys(STATUS_BADGES);

function share(count: number, of: number): string {
  return of === 0 ? '' : ` (${Math.round((count / of) * 100)}%)`;
}

function Row({ label, count, of }: { label: string; count: number; of?: number }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {label}
      </Table.Th>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(count)}
        {of === undefined ? '' : share(count, of)}
      </Table.Td>
    </Table.Tr>
  );
}

function ProgramCard({ program }: { program: ProgramOverview }) {
  const known = programName(program.programId);
  const headingId = `overview-${program.programId.replace(/[^a-z0-9]+/gi, '-')}`;
  const n = program.certifications;
  const statuses = [
    ...STATUS_ORDER,
    ...Object.keys(program.byStatus)
      .filter((status) => !STATUS_ORDER.includes(status))
      .sort(),
  ];
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Title order={2} size="h4" id={headingId}>
        {known ? known.designation : program.programId}
      </Title>
      <Text size="sm" c="dimmed">
        {known ? `${known.name} · ${program.programId}` : 'A program of the body’s own'}
      </Text>
      <Table mt="sm" verticalSpacing={6} fz="sm" striped>
        <Table.Caption>
          {known?.designation ?? program.programId}: {formatNumber(n)} {n === 1 ? 'certification' : 'certifications'}
        </Table.Caption>
        <Table.Tbody>
          <Row label="Certifications" count={n} />
          <Row label="Requirements met" count={program.compliant} of={n} />
          <Row label="On track (on pace)" count={program.onPace} of={n} />
          <Row label="Behind pace" count={program.behindPace} of={n} />
          <Row label="Due in the next 90 days, requirements not met" count={program.dueWithin90Days} />
        </Table.Tbody>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="rowgroup" colSpan={2} pt="md">
              By status
            </Table.Th>
          </Table.Tr>
          {statuses.map((status) => (
            <Row
              key={status}
              label={STATUS_BADGES[status as keyof typeof STATUS_BADGES]?.label ?? capitalize(words(status))}
              count={program.byStatus[status] ?? 0}
              of={n}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Staff see, per program, where the body's certificants stand, as of the last evaluation. */
export function OverviewPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const admin = isAdminIn(me, bodyId);
  const queryClient = useQueryClient();
  const overview = useQuery({ ...overviewQuery(bodyId), enabled: staff });
  const [status, setStatus] = useState('');
  const reevaluate = useMutation({
    mutationFn: () => reevaluateBody(bodyId),
    onMutate: () => setStatus(''),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: overviewQuery(bodyId).queryKey });
      setStatus(
        `Re-evaluated ${formatNumber(result.people)} ${result.people === 1 ? 'person' : 'people'} and ${formatNumber(result.certifications)} ${result.certifications === 1 ? 'certification' : 'certifications'} as of ${formatDay(result.asOf)}.`,
      );
    },
  });

  if (!staff) return <StaffOnly title="Compliance overview" />;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Compliance overview
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}
          {overview.data ? ` · as of ${formatDay(overview.data.today)}` : ''}. Figures come from each certification&apos;s latest
          stored evaluation, refreshed whenever a person&apos;s activities change.
        </Text>
      </div>

      <div>
        <Group gap="sm">
          <Button component="a" href={overviewCsvUrl(bodyId)} download variant="default">
            Download CSV
          </Button>
          {admin && (
            <Button onClick={() => reevaluate.mutate()} loading={reevaluate.isPending}>
              Re-evaluate now
            </Button>
          )}
        </Group>
        <div role="status" aria-live="polite">
          {status && (
            <Alert mt="md" color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
              {status}
            </Alert>
          )}
        </div>
      </div>

      {reevaluate.error && <ProblemAlert error={reevaluate.error} title="The re-evaluation failed" />}

      {overview.error && <ProblemAlert error={overview.error} title="The overview could not be loaded" />}
      {!overview.data && !overview.error && (
        <SimpleGrid cols={{ base: 1, md: 2 }} aria-busy="true" aria-label="Loading the overview">
          <Skeleton height={320} />
          <Skeleton height={320} />
        </SimpleGrid>
      )}
      {overview.data &&
        (overview.data.programs.length === 0 ? (
          <Alert color="gray" title="No figures yet">
            No certification of this body has been evaluated yet.{' '}
            {admin ? 'Re-evaluate now to compute the figures.' : 'An administrator can re-evaluate the body.'}
          </Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {overview.data.programs.map((program) => (
              <ProgramCard key={program.programId} program={program} />
            ))}
          </SimpleGrid>
        ))}
    </Stack>
  );
}
