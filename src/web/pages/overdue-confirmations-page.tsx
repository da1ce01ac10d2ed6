import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { overdueConfirmationsQuery } from '../api/applications';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
import { formatDay, formatNumber } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { bodyNameOf, isStaffIn } from '../session';

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
      {overdue.error && <ProblemAlert error={overdue.error} title="The offerings could not be loaded" />}
      {overdue.isPending && !overdue.error && <Skeleton height={160} aria-label="Loading the offerings" />}
      {overdue.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm" striped>
              <Table.Caption>
                {list.length === 0
                  ? 'No offering is past its window: every confirmation due has been issued.'
                  : `${formatNumber(list.length)} ${list.length === 1 ? 'offering' : 'offerings'} past the window, the longest overdue first`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Offering</Table.Th>
                  <Table.Th scope="col">Provider</Table.Th>
                  <Table.Th scope="col">What is missing</Table.Th>
                  <Table.Th scope="col">Due by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
