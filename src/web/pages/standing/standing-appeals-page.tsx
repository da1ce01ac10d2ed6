import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { standingAppealsQuery } from '../../api/extensions';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { formatDateTime, formatDay } from '../../format';
import { StaffOnly } from '../../layout/route-states';
import { useSession } from '../../layout/session-context';
import { bodyNameOf, isAdminIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/standing-appeals');

/** Admins' list of pending appeals of ethics decisions, oldest first; each is decided on the person's standing page. */
export function StandingAppealsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const admin = isAdminIn(me, bodyId);
  const appeals = useQuery({ ...standingAppealsQuery(bodyId, 'pending'), enabled: admin });
  if (!admin) return <StaffOnly title="Appeals of standing decisions" admins />;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Appeals of standing decisions
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: suspensions and withdrawals appealed and not yet decided, oldest first.
        </Text>
      </div>
      <QueryState query={appeals} what="the appeals" count={2} />
      {appeals.data?.length === 0 && <Text>No appeal is waiting.</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Appeals">
        {appeals.data?.map(({ decision, person }) => (
          <Card key={decision.id} component="li" withBorder padding="md">
            <Stack gap={4}>
              <Text fw={600}>
                <AnchorLink to="/bodies/$bodyId/people/$personId/standing" params={{ bodyId, personId: person.id }}>
                  {person.legalName}
                </AnchorLink>{' '}
                · certificant number {person.number}
              </Text>
              <Text size="sm">
                {decision.action === 'suspend' ? 'Suspension' : 'Withdrawal'} of {decision.program} on{' '}
                {formatDay(decision.decidedOn)}: {decision.reason}
              </Text>
              {decision.appeal && (
                <Text size="sm">
                  Appealed {formatDateTime(decision.appeal.at)}: {decision.appeal.text}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
