import { Alert, Badge, Button, Card, Group, Modal, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { invalidatePerson, reviewActivity, reviewQueueQuery, type ReviewDecision, type ReviewItem } from '../api/queries';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Give the reason: the certificant sees it');
      document.getElementById('reject-reason')?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await props.onReject(reason.trim());
    } catch (failure) {
      setProblem(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">
          &ldquo;{props.item.activity.title}&rdquo; of {props.item.person.legalName} will be marked as not approved: it earns no
          credit that needs the body&apos;s approval.
        </Text>
        {problem !== null && <ProblemAlert error={problem} title="The activity was not rejected" />}
        <Textarea
          id="reject-reason"
          data-autofocus
          label="Reason"
          description="The certificant sees this reason with the activity."
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            if (error) setError(undefined);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={saving}>
            Reject activity
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff decide on the activities waiting for advance approval, oldest first. */
export function ReviewsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const myPerson = personIdIn(me, bodyId);
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const queue = useQuery({ ...reviewQueueQuery(bodyId), enabled: staff });
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);

  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: ReviewItem; decision: ReviewDecision }) =>
      reviewActivity(bodyId, item.person.id, item.activity.id, decision),
    onMutate: () => setStatus(''),
    onSuccess: async (_activity, { item, decision }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewQueueQuery(bodyId).queryKey }),
        invalidatePerson(queryClient, bodyId, item.person.id),
        queryClient.invalidateQueries({ queryKey: ['overview', bodyId] }),
      ]);
      setRejecting(null);
      setStatus(
        `${decision.decision === 'approve' ? 'Approved' : 'Rejected'} "${item.activity.title}" of ${item.person.legalName}.`,
      );
      // The decided item leaves the list: keep the keyboard user's place on the confirmation.
      statusRef.current?.focus();
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
        <div role="status" aria-live="polite" tabIndex={-1} ref={statusRef} style={{ outline: 'none' }}>
          {status && (
            <Alert mt="md" color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
              {status}
            </Alert>
          )}
        </div>
      </div>

      {decide.error && !rejecting && <ProblemAlert error={decide.error} title="The decision was not saved" />}

      {queue.error && <ProblemAlert error={queue.error} title="The review queue could not be loaded" />}
      {queue.isPending && !queue.error && (
        <Stack aria-busy="true" aria-label="Loading the review queue">
          <Skeleton height={140} />
          <Skeleton height={140} />
        </Stack>
      )}
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

      <Modal
        opened={rejecting !== null}
        onClose={closeRejection}
        title="Reject this activity?"
        size="lg"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {rejecting && (
          <RejectForm
            key={rejecting.activity.id}
            item={rejecting}
            onReject={(reason) => decide.mutateAsync({ item: rejecting, decision: { decision: 'reject', reason } })}
            onCancel={closeRejection}
          />
        )}
      </Modal>
    </Stack>
  );
}
