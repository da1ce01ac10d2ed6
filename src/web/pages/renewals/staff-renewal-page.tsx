import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import {
  approveRenewal,
  decideRenewalItem,
  evidenceUrl,
  invalidateRenewals,
  renewalQuery,
  returnRenewal,
  type RenewalView,
} from '../../api/renewals';
import { AnchorLink } from '../../components/links';
import { PageModal } from '../../components/page-modal';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { SectionCard } from '../../components/section-card';
import { StatusAlert, useStatus } from '../../components/status';
import { formatDay, formatNumber } from '../../format';
import { StaffOnly } from '../../layout/route-states';
import { useSession } from '../../layout/session-context';
import { isStaffIn, personIdIn } from '../../session';
import { ApplicationSummary } from './application-summary';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/renewal-applications/$renewalId');
type Item = RenewalView['items'][number];
type Asking = { kind: 'reject'; item: Item } | { kind: 'return' } | null;

const DECISION_COLORS = { pending: 'gray', accepted: 'green', rejected: 'red' } as const;

/** Staff review one application: each activity's evidence (accept or reject, when audited), then approve or return. */
export function StaffRenewalPage() {
  const { bodyId, personId, renewalId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const own = personIdIn(me, bodyId) === personId;
  const queryClient = useQueryClient();
  const status = useStatus();
  const renewal = useQuery({ ...renewalQuery(bodyId, personId, renewalId), enabled: staff });
  const [asking, setAsking] = useState<Asking>(null);
  const step = useMutation({
    mutationFn: (run: () => Promise<RenewalView>) => run(),
    onMutate: () => status.clear(),
    onSuccess: async (saved) => {
      await invalidateRenewals(queryClient, bodyId);
      setAsking(null);
      status.show(
        saved.state === 'approved'
          ? `Approved: renewed through ${formatDay(saved.renewedThrough ?? saved.cycle.end)}.`
          : saved.state === 'returned'
            ? 'The application was returned to the certificant.'
            : 'Saved.',
      );
    },
  });
  if (!staff) return <StaffOnly title="Renewal application" />;
  const data = renewal.data;
  const open = data?.state === 'submitted' && !own;
  const audited = data?.auditSelected ?? false;
  const ready = data !== undefined && data.paid && (!audited || data.items.every((item) => item.decision === 'accepted'));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Renewal application
        </Title>
        <Text size="sm">
          <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId }}>
            The certificant&apos;s record
          </AnchorLink>{' '}
          ·{' '}
          <AnchorLink to="/bodies/$bodyId/renewals" params={{ bodyId }}>
            All renewal applications
          </AnchorLink>
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      <QueryState query={renewal} what="the application" height={160} count={2} />
      {data && (
        <>
          <SectionCard id="application" title={`${data.programId} · cycle ending ${formatDay(data.cycle.end)}`}>
            <ApplicationSummary renewal={data} />
            <Text size="sm">
              Credit submitted: {formatNumber(data.figures.earned.total)} of {formatNumber(data.figures.required.total)} required.
            </Text>
            {data.ethicsAttestation && <Text size="sm">Attested: {data.ethicsAttestation.title}.</Text>}
            {own && <Text size="sm">Your own application: another staff member decides on it.</Text>}
          </SectionCard>
          <SectionCard id="items" title={audited ? 'Activities and their evidence (audit)' : 'Activities'}>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((item) => (
                <Card key={item.activityId} component="li" withBorder padding="sm">
                  <Group justify="space-between" align="flex-start">
                    <Stack gap={2}>
                      <Text fw={500}>{item.title}</Text>
                      <Text size="sm">
                        {formatDay(item.startDate)} · {formatNumber(item.credits)} credit
                        {item.providerConfirmed ? ' · confirmed by the provider' : ''}
                      </Text>
                      {item.evidence.length > 0 ? (
                        <Group gap="xs">
                          {item.evidence.map((file) => (
                            <Anchor key={file.id} size="sm" href={evidenceUrl(bodyId, personId, file.id)} target="_blank">
                              {file.filename}
                            </Anchor>
                          ))}
                        </Group>
                      ) : (
                        !item.providerConfirmed && (
                          <Text size="sm" c="dimmed">
                            No evidence yet
                          </Text>
                        )
                      )}
                      {item.reason && <Text size="sm">Reason: {item.reason}</Text>}
                    </Stack>
                    {audited && (
                      <Stack gap="xs" align="flex-end">
                        <Badge color={DECISION_COLORS[item.decision]} tt="none">
                          {item.decision}
                        </Badge>
                        {open && (
                          <Group gap="xs">
                            <Button
                              size="xs"
                              color="green"
                              disabled={item.evidence.length === 0 && !item.providerConfirmed}
                              onClick={() =>
                                step.mutate(() => decideRenewalItem(data, item.activityId, { decision: 'accepted' }))
                              }
                            >
                              Accept
                            </Button>
                            <Button size="xs" variant="default" color="red" onClick={() => setAsking({ kind: 'reject', item })}>
                              Reject
                            </Button>
                          </Group>
                        )}
                      </Stack>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          </SectionCard>
          {step.error && !asking && <ProblemAlert error={step.error} title="The decision was not saved" />}
          {open && (
            <Group>
              <Button
                color="green"
                disabled={!ready}
                loading={step.isPending}
                onClick={() => step.mutate(() => approveRenewal(data))}
              >
                Approve renewal
              </Button>
              <Button variant="default" color="red" onClick={() => setAsking({ kind: 'return' })}>
                Return with reasons
              </Button>
              {!data.paid && <Text size="sm">Not paid yet: approve once every invoice of the cycle is paid.</Text>}
            </Group>
          )}
          {data.state === 'approved' && data.automatic && !own && (
            <Group>
              <Button variant="default" color="red" onClick={() => setAsking({ kind: 'return' })}>
                Return this automatic renewal
              </Button>
            </Group>
          )}
          <PageModal opened={asking !== null} onClose={() => setAsking(null)} title="Give the reasons" size="lg">
            {asking?.kind === 'reject' && (
              <ReasonForm
                id="reject-evidence"
                intro={<>The evidence for &ldquo;{asking.item.title}&rdquo; will be rejected: its credit no longer counts.</>}
                label="Reason"
                description="The certificant reads this reason."
                field="reason"
                missing="Give the reason: the certificant reads it"
                maxLength={2000}
                problemTitle="The evidence was not rejected"
                submitLabel="Reject evidence"
                color="red"
                onSubmit={(reason) =>
                  step.mutateAsync(() => decideRenewalItem(data, asking.item.activityId, { decision: 'rejected', reason }))
                }
                onCancel={() => setAsking(null)}
              />
            )}
            {asking?.kind === 'return' && (
              <ReasonForm
                id="return-reasons"
                intro={<>The certificant may correct and submit the application again. One reason per line.</>}
                label="Reasons"
                description="The certificant reads these reasons."
                field="reasons"
                missing="Give at least one reason"
                maxLength={20000}
                minRows={4}
                problemTitle="The application was not returned"
                submitLabel="Return application"
                color="red"
                onSubmit={(text) =>
                  step.mutateAsync(() =>
                    returnRenewal(
                      data,
                      text
                        .split('\n')
                        .map((line) => line.trim())
                        .filter(Boolean),
                    ),
                  )
                }
                onCancel={() => setAsking(null)}
              />
            )}
          </PageModal>
        </>
      )}
    </Stack>
  );
}
