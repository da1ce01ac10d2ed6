import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { decideExtension, extensionQueueQuery, invalidateStanding, type ExtensionQueue } from '../../api/extensions';
import { AnchorLink } from '../../components/links';
import { PageModal } from '../../components/page-modal';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { StatusAlert, useStatus } from '../../components/status';
import { formatNumber } from '../../format';
import { StaffOnly } from '../../layout/route-states';
import { useSession } from '../../layout/session-context';
import { bodyNameOf, isStaffIn, personIdIn } from '../../session';
import { ExtensionSummary } from './person-extensions-page';

const route = getRouteApi('/_app/bodies/$bodyId/extensions');
type Item = ExtensionQueue['items'][number];

/** Staff decide requested extensions, oldest first: grant once the fee is paid, or refuse with a reason. */
export function ExtensionQueuePage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const queryClient = useQueryClient();
  const queue = useQuery({ ...extensionQueueQuery(bodyId, 'requested'), enabled: staff });
  const [refusing, setRefusing] = useState<Item | null>(null);
  const status = useStatus();
  const decide = useMutation({
    mutationFn: ({ item, reason }: { item: Item; reason: string | null }) =>
      decideExtension(bodyId, item.extension.id, reason === null ? { decision: 'grant' } : { decision: 'refuse', reason }),
    onMutate: () => status.clear(),
    onSuccess: async (extension, { item }) => {
      await invalidateStanding(queryClient, bodyId);
      setRefusing(null);
      status.show(
        `${extension.state === 'granted' ? 'Granted' : 'Refused'} the extension of ${item.person.legalName} (${item.extension.designation}).`,
      );
    },
  });
  if (!staff) return <StaffOnly title="Extension requests" />;
  const items = queue.data ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Extension requests
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: requests waiting for a decision, oldest first. An extension is granted once its fee is paid.
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      {decide.error && !refusing && <ProblemAlert error={decide.error} title="The decision was not saved" />}
      <QueryState query={queue} what="the extension requests" height={140} count={2} />
      {queue.data && (
        <>
          <Text fw={500}>{items.length === 0 ? 'No extension is waiting.' : `${formatNumber(items.length)} waiting.`}</Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Extension requests">
            {items.map((item) => {
              const own = item.person.id === personIdIn(me, bodyId);
              const unpaid = item.extension.invoice !== null && item.extension.invoice.paidOn === null;
              const short =
                item.extension.neededCredits !== null && item.extension.evidencedCredits < item.extension.neededCredits;
              return (
                <Card key={item.extension.id} component="li" withBorder padding="md">
                  <Stack gap="xs">
                    <Text fw={600}>
                      <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: item.person.id }}>
                        {item.person.legalName}
                      </AnchorLink>{' '}
                      · certificant number {item.person.number}
                    </Text>
                    <ExtensionSummary extension={item.extension} />
                    {short && (
                      <Text size="sm" c="red.8">
                        The certificates cover less than the share needed.
                      </Text>
                    )}
                    {own ? (
                      <Text size="sm" c="dimmed">
                        Your own request: another staff member decides on it.
                      </Text>
                    ) : (
                      <Group gap="xs">
                        <Button
                          size="sm"
                          color="green"
                          disabled={unpaid}
                          loading={decide.isPending && decide.variables.item === item && decide.variables.reason === null}
                          onClick={() => decide.mutate({ item, reason: null })}
                        >
                          Grant
                        </Button>
                        <Button size="sm" variant="default" color="red" onClick={() => setRefusing(item)}>
                          Refuse
                        </Button>
                        {unpaid && <Text size="sm">The fee is not paid yet: grant once it is.</Text>}
                      </Group>
                    )}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        </>
      )}
      <PageModal opened={refusing !== null} onClose={() => setRefusing(null)} title="Refuse this extension?" size="lg">
        {refusing && (
          <ReasonForm
            id="refuse-extension"
            intro={<>The renewal of {refusing.person.legalName} stays due on the original date.</>}
            label="Reason"
            description="The certificant reads this reason."
            field="reason"
            missing="Give the reason: the certificant reads it"
            maxLength={2000}
            problemTitle="The extension was not refused"
            submitLabel="Refuse extension"
            color="red"
            onSubmit={(reason) => decide.mutateAsync({ item: refusing, reason })}
            onCancel={() => setRefusing(null)}
          />
        )}
      </PageModal>
    </Stack>
  );
}
