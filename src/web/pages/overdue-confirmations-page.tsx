import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { overdueConfirmationsQuery } from '../api/applications';
import { AnchorLink } from '../components/links';
import { formatDay, formatNumber } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { bodyNameOf, isStaffIn } from '../session';
import { QueryState } from '../components/query-state';
import { TableCard } from '../components/table-card';

const route = getRouteApi('/_app/bodies/$bodyId/confirmations');

/** Staff: offerings past their window for confirmations of completion, with attendees still lacking one or no roster at all. */
export function OverdueConfirmationsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const overdue = useQuery({ ...overdueConfirmationsQuery(bodyId), enabled: staff });

  if (!staff) return <StaffOnly title="Overdue confirmations" />;

  const list = [...(overdue.data?.offerings ?? [])].sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Overdue confirmations
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: offerings whose providers are past the
          {overdue.data ? ` ${overdue.data.confirmationDays}-day` : ''} window for confirmations of completion.
        </Text>
      </div>
      <QueryState query={overdue} what="the offerings" />
      {overdue.data && (
        <TableCard
          minWidth={620}
          look="striped"
          columns={['Offering', 'Provider', 'What is missing', 'Due by']}
          caption={
            list.length === 0
              ? 'No offering is past its window: every confirmation due has been issued.'
              : `${formatNumber(list.length)} ${list.length === 1 ? 'offering' : 'offerings'} past the window, the longest overdue first`
          }
        >
          {list.map((item) => (
            <Table.Tr key={item.offeringId}>
              <Table.Td>
                {item.title}
                <Text size="xs" c="dimmed">
                  {item.approvalCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/providers/$providerId" params={{ bodyId, providerId: item.provider.id }}>
                  {item.provider.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {item.rosterReported
                  ? `${formatNumber(item.lacking)} ${item.lacking === 1 ? 'confirmation' : 'confirmations'} not issued${item.oldestCompletedOn ? ` (oldest completion ${formatDay(item.oldestCompletedOn)})` : ''}`
                  : 'No roster reported'}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="red.8" fw={600}>
                  {formatDay(item.dueBy)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </TableCard>
      )}
    </Stack>
  );
}
