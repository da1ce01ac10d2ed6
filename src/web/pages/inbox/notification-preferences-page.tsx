import { Alert, Badge, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { invalidateNotifications, preferencesQuery, savePreferences, type PreferencesView } from '../../api/notifications';
import { AnchorLink } from '../../components/links';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { SectionCard } from '../../components/section-card';
import { StatusAlert, useStatus } from '../../components/status';
import { useSession } from '../../layout/session-context';
import { personIdIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/notification-preferences');

type Kind = PreferencesView['preferences'][number]['kind'];

function PreferencesForm(props: {
  bodyId: string;
  personId: string;
  view: PreferencesView;
  canChange: boolean;
  onDone: () => void;
}) {
  const { bodyId, personId, view } = props;
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(view.preferences.map((p) => [p.kind, p.enabled])),
  );
  const save = useMutation({
    mutationFn: () =>
      savePreferences(bodyId, personId, {
        preferences: view.preferences
          .filter((p) => !p.mandatory)
          .map((p) => ({ kind: p.kind as Kind, enabled: enabled[p.kind]! })),
      }),
    onSuccess: async () => {
      await invalidateNotifications(queryClient, bodyId, personId);
      props.onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Notices by e-mail">
      <Stack gap="sm">
        {save.error && <ProblemAlert error={save.error} title="Your choices were not saved" />}
        {view.preferences.map((p) => (
          <Switch
            key={p.kind}
            label={
              p.mandatory ? (
                <>
                  {p.label}{' '}
                  <Badge component="span" size="xs" color="gray" variant="outline" ml={4}>
                    always sent
                  </Badge>
                </>
              ) : (
                p.label
              )
            }
            description={p.mandatory ? view.mandatoryReason : undefined}
            checked={p.mandatory || (enabled[p.kind] ?? true)}
            disabled={p.mandatory || !props.canChange}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setEnabled((current) => ({ ...current, [p.kind]: checked }));
            }}
          />
        ))}
        {props.canChange && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save choices
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Which notices a person is e-mailed; the body's mandatory ones are shown locked. The inbox keeps every notice. */
export function NotificationPreferencesPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  const query = useQuery(preferencesQuery(bodyId, personId));
  const status = useStatus();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Notice preferences
        </Title>
        <Text size="sm" c="dimmed">
          Choose which notices you receive by e-mail; every notice stays in{' '}
          <AnchorLink to="/bodies/$bodyId/people/$personId/inbox" params={{ bodyId, personId }}>
            your notices
          </AnchorLink>
          .
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      {query.data && (
        <Alert color="gray" variant="light" title="Notices are a courtesy">
          {query.data.courtesy}
        </Alert>
      )}
      <QueryState query={query} what="the notice preferences" />
      {query.data && (
        <SectionCard id="notice-kinds" title="By e-mail">
          <PreferencesForm
            key={query.dataUpdatedAt}
            bodyId={bodyId}
            personId={personId}
            view={query.data}
            canChange={own}
            onDone={() => status.show('Your choices are saved.')}
          />
        </SectionCard>
      )}
    </Stack>
  );
}
