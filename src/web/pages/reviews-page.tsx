import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { invalidatePerson, reviewActivity, reviewQueueQuery, type ReviewDecision, type ReviewItem } from '../api/queries';
import { AnchorLink } from '../components/links';
import { PageModal } from '../components/page-modal';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { ReasonForm } from '../components/reason-form';
import { StatusAlert, useStatus } from '../components/status';
import { formatDay, formatNumber, words } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { activityTypeLabel } from '../programs';
import { bodyNameOf, isStaffIn, personIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/reviews');

/** Waiting longer than this is flagged: the body's reviewers should not let a request sit. */
const LONG_WAIT_DAYS = 14;

function waiting(days: number): string {
  if (days <= 0) return 'Submitted today';
  return `Waiting ${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`;
}

function details(bodyId: string, item: ReviewItem): string {
  const { activity } = item;
  const dates =
    activity.endDate && activity.endDate !== activity.startDate
      ? `${formatDay(activity.startDate)} to ${formatDay(activity.endDate)}`
      : formatDay(activity.startDate);
  return [
    activityTypeLabel(bodyId, activity.type),
    dates,
    `${formatNumber(activity.hours)} ${activity.hours === 1 ? 'hour' : 'hours'}`,
    activity.provider ? `by ${activity.provider}` : null,
    activity.categories.length > 0 ? `categories: ${activity.categories.map(words).join(', ')}` : null,
    [activity.city, activity.region].filter(Boolean).join(', ') + (activity.virtual ? ' (attended virtually)' : '') || null,
    activity.approvalCode ? `approval code ${activity.approvalCode}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function QueueItem(props: {
  bodyId: string;
  item: ReviewItem;
  own: boolean;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { bodyId, item, own, busy } = props;
  const { activity, person } = item;
  const long = item.daysWaiting > LONG_WAIT_DAYS;
  const headingId = `review-${activity.id}`;
  const subject = `"${activity.title}" of ${person.legalName}`;
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      aria-labelledby={headingId}
      style={long ? { borderLeft: '6px solid var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h5" id={headingId}>
              {activity.title}
            </Title>
            <Text size="sm">
              <AnchorLink to="/bodies/$bodyId/people/$personId/activities" params={{ bodyId, personId: person.id }}>
                {person.legalName}
              </AnchorLink>{' '}
              · certificant number {person.number}
            </Text>
          </div>
          <Badge color={long ? 'red' : 'gray'} variant={long ? 'filled' : 'light'} tt="none" size="lg">
            {waiting(item.daysWaiting)}
            {long ? ' (over two weeks)' : ''}
          </Badge>
        </Group>
        <Text size="sm">{details(bodyId, item)}</Text>
        <Text size="xs" c="dimmed">
          Submitted on {formatDay(item.submittedOn)}
        </Text>
        {own ? (
          <Text size="sm" c="dimmed">
            Your own activity: another reviewer decides on it.
          </Text>
        ) : (
          <Group gap="xs">
            <Button size="sm" color="green" onClick={props.onApprove} loading={busy} aria-label={`Approve ${subject}`}>
              Approve
            </Button>
            <Button
              size="sm"
              variant="default"
              color="red"
              onClick={props.onReject}
              disabled={busy}
              aria-label={`Reject ${subject}`}
            >
              Reject
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function RejectForm(props: { item: ReviewItem; onReject: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  return (
    <ReasonForm
      id="reject-reason"
      intro={
        <>
          &ldquo;{props.item.activity.title}&rdquo; of {props.item.person.legalName} will be marked as not approved: it earns no
          credit that needs the body&apos;s approval.
        </>
      }
      label="Reason"
      description="The certificant sees this reason with the activity."
      field="reason"
      missing="Give the reason: the certificant sees it"
      maxLength={2000}
      problemTitle="The activity was not rejected"
      submitLabel="Reject activity"
      color="red"
      onSubmit={props.onReject}
      onCancel={props.onCancel}
    />
  );
}

/** Staff decide on the activities waiting for advance approval, oldest first. */
export function ReviewsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const myPerson = personIdIn(me, bodyId);
  const queryClient = useQueryClient();
  const queue = useQuery({ ...reviewQueueQuery(bodyId), enabled: staff });
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null);
  const status = useStatus();

  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: ReviewItem; decision: ReviewDecision }) =>
      reviewActivity(bodyId, item.person.id, item.activity.id, decision),
    onMutate: () => status.clear(),
    onSuccess: async (_activity, { item, decision }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewQueueQuery(bodyId).queryKey }),
        invalidatePerson(queryClient, bodyId, item.person.id),
        queryClient.invalidateQueries({ queryKey: ['overview', bodyId] }),
      ]);
      setRejecting(null);
      // The decided item leaves the list: the keyboard user's place moves onto the confirmation.
      status.show(
        `${decision.decision === 'approve' ? 'Approved' : 'Rejected'} "${item.activity.title}" of ${item.person.legalName}.`,
      );
    },
  });

  function closeRejection() {
    if (!decide.isPending) decide.reset();
    setRejecting(null);
  }

  if (!staff) return <StaffOnly title="Review queue" />;

  const items = queue.data ?? [];
  const long = items.filter((item) => item.daysWaiting > LONG_WAIT_DAYS).length;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Review queue
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: activities that count only with the body&apos;s advance approval, oldest first.
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>

      {decide.error && !rejecting && <ProblemAlert error={decide.error} title="The decision was not saved" />}

      <QueryState query={queue} what="the review queue" height={140} count={2} />
      {queue.data && (
        <>
          <Text fw={500}>
            {items.length === 0
              ? 'Nothing is waiting for approval.'
              : `${formatNumber(items.length)} ${items.length === 1 ? 'activity is' : 'activities are'} waiting${long > 0 ? `; ${formatNumber(long)} for more than ${LONG_WAIT_DAYS} days` : ''}.`}
          </Text>
          {items.length > 0 && (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Activities waiting for approval">
              {items.map((item) => (
                <QueueItem
                  key={item.activity.id}
                  bodyId={bodyId}
                  item={item}
                  own={item.person.id === myPerson}
                  busy={decide.isPending && decide.variables.item.activity.id === item.activity.id}
                  onApprove={() => decide.mutate({ item, decision: { decision: 'approve' } })}
                  onReject={() => {
                    decide.reset();
                    setRejecting(item);
                  }}
                />
              ))}
            </Stack>
          )}
        </>
      )}

      <PageModal opened={rejecting !== null} onClose={closeRejection} title="Reject this activity?" size="lg">
        {rejecting && (
          <RejectForm
            key={rejecting.activity.id}
            item={rejecting}
            onReject={(reason) => decide.mutateAsync({ item: rejecting, decision: { decision: 'reject', reason } })}
            onCancel={closeRejection}
          />
        )}
      </PageModal>
    </Stack>
  );
}
