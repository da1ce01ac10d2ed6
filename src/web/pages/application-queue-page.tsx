import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { applicationQueueQuery, type QueueItem } from '../api/applications';
import { AnchorLink } from '../components/links';
import { formatDateTime, formatDay, formatNumber } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { offeringTypeLabel } from '../providers/calendar-filters';
import { bodyNameOf, isStaffIn } from '../session';
import { QueryState } from '../components/query-state';

const route = getRouteApi('/_app/bodies/$bodyId/applications');

function daysLeftText(item: QueueItem): string {
  if (item.daysLeft === null) return 'No due date';
  if (item.overdue) return `Overdue by ${formatNumber(-item.daysLeft)} ${item.daysLeft === -1 ? 'day' : 'days'}`;
  if (item.daysLeft === 0) return 'Due today';
  return `${formatNumber(item.daysLeft)} ${item.daysLeft === 1 ? 'day' : 'days'} left`;
}

/** Staff: submitted applications, the soonest decision due first; overdue ones stand out. */
export function ApplicationQueuePage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const queue = useQuery({ ...applicationQueueQuery(bodyId), enabled: staff });

  if (!staff) return <StaffOnly title="Pre-approval queue" />;

  const items = queue.data ?? [];
  const overdue = items.filter((item) => item.overdue).length;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Pre-approval queue
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: providers&apos; applications waiting for a decision, the soonest due first.
        </Text>
      </div>
      <QueryState query={queue} what="the queue" />
      {queue.data && (
        <Text fw={500}>
          {items.length === 0
            ? 'No application is waiting for a decision.'
            : `${formatNumber(items.length)} waiting${overdue > 0 ? `; ${formatNumber(overdue)} overdue` : ''}.`}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Applications waiting for a decision">
          {items.map((item) => {
            const headingId = `queue-${item.id}`;
            return (
              <Card
                key={item.id}
                component="li"
                withBorder
                padding="md"
                aria-labelledby={headingId}
                style={item.overdue ? { borderLeft: '6px solid var(--mantine-color-red-6)' } : undefined}
              >
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
                      <Title order={2} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                        <AnchorLink
                          to="/bodies/$bodyId/providers/$providerId/applications/$applicationId"
                          params={{ bodyId, providerId: item.providerId, applicationId: item.id }}
                        >
                          {item.title || 'Untitled application'}
                        </AnchorLink>
                      </Title>
                      <Text size="sm">
                        {item.providerName}
                        {item.kind ? ` · ${offeringTypeLabel(item.kind)}` : ''} · version {item.version}
                      </Text>
                    </div>
                    <Badge
                      color={item.overdue ? 'red' : item.paused ? 'yellow' : 'gray'}
                      variant={item.overdue ? 'filled' : 'light'}
                      tt="none"
                      size="lg"
                    >
                      {item.paused ? 'Paused: more information asked' : daysLeftText(item)}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {item.decisionDue ? `Decision due by ${formatDay(item.decisionDue)}` : 'No due date'} · committee:{' '}
                    {item.assigned === 0 ? 'not assigned yet' : `${item.voted} of ${item.assigned} voted`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Changed {formatDateTime(item.updatedAt)}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
