import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { renewalQueueQuery, type QueueState, type RenewalQueue } from '../../api/renewals';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { formatDay, formatNumber } from '../../format';
import { StaffOnly } from '../../layout/route-states';
import { useSession } from '../../layout/session-context';
import { bodyNameOf, isStaffIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/renewals');
type Entry = RenewalQueue['items'][number];

function age(entry: Entry): string {
  if (entry.daysSincePaid === null) return 'Awaiting payment';
  const days = `${formatNumber(entry.daysSincePaid)} ${entry.daysSincePaid === 1 ? 'day' : 'days'}`;
  return `${days} since payment (target ${formatNumber(entry.targetDays)})`;
}

function EntryCard({ bodyId, entry, showAge }: { bodyId: string; entry: Entry; showAge: boolean }) {
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      style={entry.overdue ? { borderLeft: '6px solid var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text fw={600}>
            <AnchorLink
              to="/bodies/$bodyId/people/$personId/renewal-applications/$renewalId"
              params={{ bodyId, personId: entry.person.id, renewalId: entry.id }}
            >
              {entry.person.legalName} · {entry.designation}
            </AnchorLink>
          </Text>
          <Text size="sm">
            Certificant number {entry.person.number} · cycle ending {formatDay(entry.cycleEnd)} · submitted{' '}
            {formatDay(entry.submittedOn)} ({entry.phase})
          </Text>
          {entry.auditSelected && entry.itemsPending > 0 && (
            <Text size="sm">{formatNumber(entry.itemsPending)} activities still to check</Text>
          )}
        </Stack>
        <Group gap="xs">
          {entry.auditSelected && (
            <Badge color="grape" tt="none">
              Audit
            </Badge>
          )}
          {entry.automatic && (
            <Badge color="gray" variant="light" tt="none">
              Automatic
            </Badge>
          )}
          {showAge && (
            <Badge color={entry.overdue ? 'red' : 'gray'} variant={entry.overdue ? 'filled' : 'light'} tt="none" size="lg">
              {age(entry)}
              {entry.overdue ? ' — overdue' : ''}
            </Badge>
          )}
        </Group>
      </Group>
    </Card>
  );
}

function EntryList({ bodyId, label, entries, showAge }: { bodyId: string; label: string; entries: Entry[]; showAge: boolean }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {entries.map((entry) => (
        <EntryCard key={entry.id} bodyId={bodyId} entry={entry} showAge={showAge} />
      ))}
    </Stack>
  );
}

/** Staff's renewal queue: paid applications oldest payment first, against the review target; then those awaiting payment. */
export function RenewalQueuePage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const [state, setState] = useState<QueueState>('submitted');
  const queue = useQuery({ ...renewalQueueQuery(bodyId, state), enabled: staff });
  if (!staff) return <StaffOnly title="Renewal applications" />;
  const data = queue.data;
  const overdue = data?.items.filter((entry) => entry.overdue).length ?? 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Renewal applications
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: paid applications, oldest payment first, with their age against the review target.
        </Text>
      </div>
      <SegmentedControl
        value={state}
        onChange={(value) => setState(value as QueueState)}
        data={[
          { value: 'submitted', label: 'To decide' },
          { value: 'approved', label: 'Approved' },
          { value: 'returned', label: 'Returned' },
        ]}
        aria-label="Which applications"
      />
      <QueryState query={queue} what="the renewal applications" height={100} count={3} />
      {data && (
        <>
          <Text fw={500}>
            {data.items.length === 0
              ? 'No application here.'
              : `${formatNumber(data.items.length)} ${data.items.length === 1 ? 'application' : 'applications'}${overdue > 0 ? `; ${formatNumber(overdue)} past the target` : ''}.`}
          </Text>
          <EntryList bodyId={bodyId} label="Applications" entries={data.items} showAge={state === 'submitted'} />
          {state === 'submitted' && data.awaitingPayment.length > 0 && (
            <>
              <Title order={2} size="h4">
                Awaiting payment ({formatNumber(data.awaitingPayment.length)})
              </Title>
              <EntryList bodyId={bodyId} label="Applications awaiting payment" entries={data.awaitingPayment} showAge />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
