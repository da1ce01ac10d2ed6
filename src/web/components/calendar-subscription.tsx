import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { getCalendarLink, replaceCalendarLink } from '../api/queries';
import { ProblemAlert } from './problem-alert';
import { StatusText } from './status';

/** The person's own private iCal feed of deadlines: shown on request, copied, and replaced when it leaked. */
export function CalendarSubscription(props: { bodyId: string; personId: string }) {
  const { bodyId, personId } = props;
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const show = useMutation({
    mutationFn: () => getCalendarLink(bodyId, personId),
    onSuccess: (link) => setUrl(link.url),
  });
  const replace = useMutation({
    mutationFn: () => replaceCalendarLink(bodyId, personId),
    onSuccess: (link) => {
      setUrl(link.url);
      setStatus('The link was replaced. Subscribe again with the new one; the old link no longer works.');
    },
  });

  return (
    <Card withBorder component="section" aria-labelledby="calendar-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="calendar-heading">
          Deadlines in your calendar
        </Title>
        {url === null ? (
          <>
            <Text size="sm">
              Add your deadlines to a calendar app (Google Calendar, Outlook, Apple Calendar) as a subscription.
            </Text>
            {show.error && <ProblemAlert error={show.error} title="The calendar link could not be loaded" />}
            <Group>
              <Button variant="light" onClick={() => show.mutate()} loading={show.isPending}>
                Subscribe to deadlines (iCal)
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label="Calendar link (iCal)"
                description="Private: anyone with this link can see your deadlines. Do not share it."
                value={url}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">
              In your calendar app, add a calendar &ldquo;from URL&rdquo; or &ldquo;by subscription&rdquo; and paste the link.
            </Text>
            <StatusText message={status} />
            {replace.error && <ProblemAlert error={replace.error} title="The link was not replaced" />}
            <Group gap="sm" align="center" wrap="wrap">
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  setStatus('');
                  replace.mutate();
                }}
                loading={replace.isPending}
              >
                Replace link
              </Button>
              <Text size="sm" c="dimmed" style={{ flex: '1 1 14rem' }}>
                If the link was shared by mistake, replace it: the old link stops working.
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
