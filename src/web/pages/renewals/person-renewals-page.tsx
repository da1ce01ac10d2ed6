import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { personRenewalsQuery } from '../../api/renewals';
import { ButtonLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { STATUS_BADGES, type Status } from '../../components/status-badges';
import { formatDay } from '../../format';
import { STATE_BADGES } from './application-summary';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/renewals');

/** A person's certifications and where each stands for renewal: the way into each renewal application. */
export function PersonRenewalsPage() {
  const { bodyId, personId } = route.useParams();
  const list = useQuery(personRenewalsQuery(bodyId, personId));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Renewals
      </Title>
      <QueryState query={list} what="the certifications" height={100} count={2} />
      {list.data?.certifications.length === 0 && <Text>No certification is held.</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Certifications">
        {list.data?.certifications.map((held) => {
          const status = STATUS_BADGES[held.status as Status] ?? { label: held.status, color: 'gray' };
          return (
            <Card key={held.certificationId} component="li" withBorder padding="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Title order={2} size="h4">
                      {held.designation}
                    </Title>
                    <Badge color={status.color} tt="none">
                      {status.label}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    Cycle {formatDay(held.cycle.start)} to {formatDay(held.cycle.end)} · due {formatDay(held.due)}
                    {held.opens
                      ? ` · application opens ${formatDay(held.opens)}`
                      : ' · renews by itself at the cycle end when met'}
                  </Text>
                  {held.latest && (
                    <Text size="sm">
                      Latest application: {STATE_BADGES[held.latest.state].label.toLowerCase()}, submitted{' '}
                      {formatDay(held.latest.submittedOn)}
                    </Text>
                  )}
                </Stack>
                <ButtonLink
                  to="/bodies/$bodyId/people/$personId/renewals/$certificationId"
                  params={{ bodyId, personId, certificationId: held.certificationId }}
                  variant="light"
                >
                  Renewal of {held.designation}
                </ButtonLink>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
