import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { applicationsQuery, createApplication } from '../api/applications';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime, formatDay } from '../format';
import { NotAProvider } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { STATUS_COLORS, STATUS_LABELS } from '../providers/application-form';
import { offeringTypeLabel } from '../providers/calendar-filters';
import { bodyNameOf, providerIdIn } from '../session';
import { WrappingBadge } from '../components/wrapping-badge';
import { QueryState } from '../components/query-state';
import { TableCard } from '../components/table-card';

const route = getRouteApi('/_app/bodies/$bodyId/provider/applications');

/** A provider's applications for pre-approval: drafts, submitted ones with days left, decided ones. */
export function ProviderApplicationsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const providerId = providerIdIn(me, bodyId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const applications = useQuery({ ...applicationsQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const start = useMutation({
    mutationFn: () => createApplication(bodyId, providerId!, {}),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: ['applications', bodyId, providerId] });
      await navigate({
        to: '/bodies/$bodyId/provider/applications/$applicationId',
        params: { bodyId, applicationId: view.id },
      });
    },
  });

  if (providerId === null)
    return (
      <NotAProvider title="Applications" bodyId={bodyId}>
        Register a provider to apply for pre-approval with {bodyNameOf(me, bodyId)}.
      </NotAProvider>
    );

  const list = applications.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            Applications
          </Title>
          <Text size="sm" c="dimmed">
            Pre-approval of your offerings by {bodyNameOf(me, bodyId)}. Drafts are yours until you submit them.
          </Text>
        </div>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          New application
        </Button>
      </Group>
      {start.error && <ProblemAlert error={start.error} title="The application was not started" />}
      <QueryState query={applications} what="the applications" />
      {applications.data && (
        <TableCard
          minWidth={560}
          look="links"
          columns={['Offering', 'Status', 'Decision due', 'Changed']}
          caption={
            list.length === 0
              ? 'No application yet: start one with "New application".'
              : `${list.length} ${list.length === 1 ? 'application' : 'applications'}, most recently changed first`
          }
        >
          {list.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/provider/applications/$applicationId" params={{ bodyId, applicationId: item.id }}>
                  {item.title || 'Untitled draft'}
                </AnchorLink>
                {item.kind && (
                  <Text size="xs" c="dimmed">
                    {offeringTypeLabel(item.kind)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <WrappingBadge color={STATUS_COLORS[item.status]}>{STATUS_LABELS[item.status]}</WrappingBadge>
              </Table.Td>
              <Table.Td>
                {item.decisionDue && item.daysLeft !== null ? (
                  <Text size="sm" c={item.overdue ? 'red.8' : undefined} fw={item.overdue ? 600 : undefined}>
                    {formatDay(item.decisionDue)}
                    {item.paused
                      ? ' (paused)'
                      : item.overdue
                        ? ` (overdue by ${-item.daysLeft} ${item.daysLeft === -1 ? 'day' : 'days'})`
                        : ` (${item.daysLeft} ${item.daysLeft === 1 ? 'day' : 'days'} left)`}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(item.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </TableCard>
      )}
    </Stack>
  );
}
