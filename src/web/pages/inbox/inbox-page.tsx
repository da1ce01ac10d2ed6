import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { inboxQuery, invalidateNotifications, markRead, type NotificationView } from '../../api/notifications';
import { AnchorLink } from '../../components/links';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { StatusAlert, useStatus } from '../../components/status';
import { formatDay } from '../../format';
import { useSession } from '../../layout/session-context';
import { personIdIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/inbox');

/** Where a notice stands by e-mail, in words. */
function emailWords(notice: NotificationView): string {
  if (notice.emailedAt) return 'e-mailed';
  if (notice.emailSkipped === 'turned-off') return 'not e-mailed: you turned this kind off';
  if (notice.emailSkipped === 'no-address') return 'not e-mailed: no address on file';
  return 'e-mail on its way';
}

function NoticeCard(props: { notice: NotificationView; canMark: boolean; onRead: (id: string) => void; busy: boolean }) {
  const { notice } = props;
  const unread = notice.readAt === null;
  const headingId = `notice-${notice.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} bg={unread ? 'blue.0' : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            {unread && (
              <Badge color="blue" size="sm">
                unread
              </Badge>
            )}
            <Title order={2} size="h5" id={headingId}>
              {notice.title}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {formatDay(notice.noticeOn)} · {emailWords(notice)}
          </Text>
        </Group>
        {notice.body.split('\n\n').map((paragraph) => (
          <Text key={paragraph} size="sm">
            {paragraph}
          </Text>
        ))}
        <Group gap="sm">
          {notice.link && (
            <Anchor href={notice.link} size="sm">
              Open
            </Anchor>
          )}
          {unread && props.canMark && (
            <Button size="compact-sm" variant="subtle" onClick={() => props.onRead(notice.id)} disabled={props.busy}>
              Mark read
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** A person's notices: reminders and decisions, newest first; read ones stay, unread ones stand out. */
export function InboxPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const query = useQuery(inboxQuery(bodyId, personId, show === 'unread'));
  const queryClient = useQueryClient();
  const status = useStatus();
  const mark = useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => markRead(bodyId, personId, which),
    onSuccess: async (result, which) => {
      await invalidateNotifications(queryClient, bodyId, personId);
      if ('all' in which) status.show(result.marked === 1 ? '1 notice marked read.' : `${result.marked} notices marked read.`);
    },
  });
  const unread = query.data?.unread ?? 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Notices
        </Title>
        <Text size="sm" c="dimmed">
          Reminders of your deadlines and news of your applications, also sent by e-mail.{' '}
          {own && (
            <AnchorLink to="/bodies/$bodyId/people/$personId/notification-preferences" params={{ bodyId, personId }}>
              Choose which you receive by e-mail
            </AnchorLink>
          )}
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      {query.data && (
        <Alert color="gray" variant="light" title="Notices are a courtesy">
          {query.data.courtesy}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label="Which notices"
          value={show}
          onChange={(value) => setShow(value === 'unread' ? 'unread' : 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: `Unread (${unread})` },
          ]}
        />
        {own && unread > 0 && (
          <Button variant="light" onClick={() => mark.mutate({ all: true })} loading={mark.isPending}>
            Mark all read
          </Button>
        )}
      </Group>
      {mark.error && <ProblemAlert error={mark.error} title="The notices were not marked read" />}
      <QueryState query={query} what="the notices" count={3} height={100} />
      {query.data && query.data.notifications.length === 0 && (
        <Text size="sm">{show === 'unread' ? 'No unread notices.' : 'No notices yet.'}</Text>
      )}
      {query.data?.notifications.map((notice) => (
        <NoticeCard
          key={notice.id}
          notice={notice}
          canMark={own}
          busy={mark.isPending}
          onRead={(id) => mark.mutate({ ids: [id] })}
        />
      ))}
    </Stack>
  );
}
