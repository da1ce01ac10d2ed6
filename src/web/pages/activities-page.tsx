import { Alert, Badge, Button, Card, Group, Modal, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { builtinRegistry } from '../../core/policies/builtin/index';
import type { Policy } from '../../core/policies/policy-schema';
import {
  activitiesQuery,
  addActivity,
  invalidatePerson,
  progressQuery,
  removeActivity,
  updateActivity,
  type ActivityInputBody,
  type ActivityView,
} from '../api/queries';
import { ActivityEvidence } from '../components/activity-evidence';
import { ActivityForm, typeOptions } from '../components/activity-form';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
import { formatDay, formatNumber, words } from '../format';
import { useSession } from '../layout/session-context';
import { previewBase, type PreviewBaseResult } from '../preview/credit-preview';
import { canChangeActivities, personIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/activities');

const REVIEW_BADGES: Record<ActivityView['review'], { label: string; color: string } | null> = {
  'not-needed': null,
  pending: { label: 'Pending approval', color: 'yellow' },
  approved: { label: 'Approved', color: 'green' },
  rejected: { label: 'Not approved', color: 'red' },
};

function ReviewState({ activity }: { activity: ActivityView }) {
  const badge = REVIEW_BADGES[activity.review] ?? (activity.approved ? { label: 'Approved', color: 'green' } : null);
  return (
    <Stack gap={4} align="flex-start">
      {badge ? (
        <Badge color={badge.color} variant="light" tt="none">
          {badge.label}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          Recorded
        </Text>
      )}
      {activity.reviewReason && <Text size="xs">{activity.reviewReason}</Text>}
      {activity.locked && (
        <Badge color="gray" variant="outline" tt="none">
          Locked: used by a submitted renewal
        </Badge>
      )}
    </Stack>
  );
}

type Editing = { mode: 'add' } | { mode: 'edit'; activity: ActivityView } | null;

export function ActivitiesPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const progress = useQuery(progressQuery(bodyId, personId));
  const activities = useQuery(activitiesQuery(bodyId, personId));
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ActivityView | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<ActivityView | null>(null);
  const [status, setStatus] = useState('');
  const own = personIdIn(me, bodyId) === personId;
  const canChange = canChangeActivities(me, bodyId, personId);

  const registry = useMemo(() => builtinRegistry(), []);
  const policies = useMemo<Policy[]>(
    () => (progress.data?.certifications ?? []).flatMap((result) => registry.get(result.program) ?? []),
    [progress.data, registry],
  );
  const typeLabels = useMemo(() => new Map(typeOptions(policies).map((option) => [option.value, option.label])), [policies]);
  const base = useMemo<PreviewBaseResult>(
    () =>
      progress.data && activities.data
        ? previewBase(progress.data, activities.data, registry)
        : { ok: false, reason: 'the activities are still loading' },
    [progress.data, activities.data, registry],
  );

  const remove = useMutation({
    mutationFn: (activity: ActivityView) => removeActivity(bodyId, personId, activity.id),
    onSuccess: async (_data, activity) => {
      await invalidatePerson(queryClient, bodyId, personId);
      setRemoving(null);
      setStatus(`Removed "${activity.title}".`);
    },
  });

  async function save(body: ActivityInputBody) {
    if (editing?.mode === 'edit') {
      await updateActivity(bodyId, personId, editing.activity.id, body);
      setStatus(`Saved the changes to "${body.title}".`);
    } else {
      const added = await addActivity(bodyId, personId, body);
      setStatus(
        added.review === 'pending'
          ? `Added "${body.title}". It needs the body's approval before it counts.`
          : `Added "${body.title}".`,
      );
    }
    await invalidatePerson(queryClient, bodyId, personId);
    setEditing(null);
  }

  const error = progress.error ?? activities.error;
  if (error) return <ProblemAlert error={error} title="The activities could not be loaded" />;
  if (!progress.data || !activities.data) {
    return (
      <Stack aria-busy="true" aria-label="Loading activities">
        <Skeleton height={36} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  const { person } = progress.data;
  const list = activities.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <AnchorLink to={own ? '/' : '/bodies/$bodyId/people/$personId'} params={own ? {} : { bodyId, personId }} size="sm">
            {own ? 'Back to my dashboard' : `Back to ${person.legalName}'s dashboard`}
          </AnchorLink>
          <Title order={1} size="h2">
            {own ? 'My CE activities' : `CE activities of ${person.legalName}`}
          </Title>
        </div>
        {canChange && (
          <Button onClick={() => setEditing({ mode: 'add' })} disabled={policies.length === 0}>
            Add CE activity
          </Button>
        )}
      </Group>

      <div role="status" aria-live="polite">
        {status && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
            {status}
          </Alert>
        )}
      </div>

      {policies.length === 0 && progress.data.certifications.length > 0 && (
        <Alert color="yellow">
          The rules of these certifications are not available in the browser; activities cannot be added here.
        </Alert>
      )}

      {list.length === 0 ? (
        <Text>No CE activity recorded yet.</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" striped>
              <Table.Caption>
                {list.length} {list.length === 1 ? 'activity' : 'activities'}, by date
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Activity</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Hours
                  </Table.Th>
                  <Table.Th scope="col">Location</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  {canChange && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((activity) => (
                  <Table.Tr key={activity.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(activity.startDate)}
                      {activity.endDate && activity.endDate !== activity.startDate ? ` to ${formatDay(activity.endDate)}` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {activity.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[
                          typeLabels.get(activity.type) ?? words(activity.type),
                          activity.provider,
                          activity.categories.length > 0 ? `categories: ${activity.categories.map(words).join(', ')}` : null,
                          activity.approvalCode ? `approval code ${activity.approvalCode}` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        px={0}
                        mt={4}
                        onClick={() => setEvidenceOf(activity)}
                        aria-label={`Evidence for "${activity.title}"`}
                      >
                        Evidence
                      </Button>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(activity.hours)}</Table.Td>
                    <Table.Td>
                      {[activity.city, activity.region].filter(Boolean).join(', ')}
                      {activity.virtual ? ' (virtual)' : ''}
                    </Table.Td>
                    <Table.Td>
                      <ReviewState activity={activity} />
                    </Table.Td>
                    {canChange && (
                      <Table.Td>
                        {activity.locked ? (
                          <Text size="xs" c="dimmed">
                            Cannot change
                          </Text>
                        ) : (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => setEditing({ mode: 'edit', activity })}
                              aria-label={`Edit "${activity.title}"`}
                            >
                              Edit
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                remove.reset();
                                setRemoving(activity);
                              }}
                              aria-label={`Remove "${activity.title}"`}
                            >
                              Remove
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Text size="sm" c="dimmed">
        Keep the certificates and confirmations of completion: the body may ask for them. Reminders are a courtesy; meeting every
        deadline remains the certificant&apos;s own responsibility.
      </Text>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? 'Edit CE activity' : 'Add CE activity'}
        size="lg"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing !== null && (
          <ActivityForm
            key={editing.mode === 'edit' ? editing.activity.id : 'new'}
            activity={editing.mode === 'edit' ? editing.activity : null}
            policies={policies}
            previewBase={base}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>

      <Modal
        opened={evidenceOf !== null}
        onClose={() => setEvidenceOf(null)}
        title={evidenceOf ? `Evidence for "${evidenceOf.title}"` : 'Evidence'}
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {evidenceOf && (
          <ActivityEvidence key={evidenceOf.id} bodyId={bodyId} personId={personId} activity={evidenceOf} canChange={canChange} />
        )}
      </Modal>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove this activity?" fullScreen={false}>
        {removing && (
          <Stack>
            <Text>
              &ldquo;{removing.title}&rdquo; ({formatDay(removing.startDate)}, {formatNumber(removing.hours)} hours) will be
              removed from the record.
            </Text>
            {remove.error && <ProblemAlert error={remove.error} title="The activity was not removed" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
                Keep it
              </Button>
              <Button color="red" onClick={() => remove.mutate(removing)} loading={remove.isPending}>
                Remove
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
