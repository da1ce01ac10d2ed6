import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { appealsQuery, providersQuery, staffQuery } from '../api/providers';
import { AppealList } from '../components/appeal-card';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { StatusAlert, useStatus } from '../components/status';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { myBallot } from '../providers/notices';
import { bodyNameOf, isAdminIn, isStaffIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/appeals');

/** Staff: terminated providers' appeals, open first; admins name committees, members vote. */
export function AppealsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const admin = isAdminIn(me, bodyId);
  const appeals = useQuery({ ...appealsQuery(bodyId), enabled: staff });
  const providers = useQuery({ ...providersQuery(bodyId), enabled: staff });
  const staffList = useQuery({ ...staffQuery(bodyId), enabled: staff });
  const status = useStatus();
  const names = useMemo(() => new Map((providers.data ?? []).map((p) => [p.id, p.name])), [providers.data]);

  if (!staff) return <StaffOnly title="Appeals" />;

  const list = appeals.data ?? [];
  const open = list.filter((appeal) => appeal.status === 'open');
  const toVote = open.filter((appeal) => myBallot(appeal, me.user.id) === 'to-vote').length;
  const unnamed = open.filter((appeal) => appeal.votes.length === 0).length;

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/providers" params={{ bodyId }} size="sm">
        All CE providers
      </AnchorLink>
      <div>
        <Title order={1} size="h2">
          Appeals
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: terminated providers&apos; appeals to the Review and Appeals Committee, open first.
        </Text>
      </div>
      <StatusAlert status={status} />
      <QueryState query={appeals} what="the appeals" />
      {staffList.error && <ProblemAlert error={staffList.error} title="The staff list could not be loaded" />}
      {appeals.data && (
        <Text fw={500}>
          {list.length === 0
            ? 'No appeal has been filed.'
            : [
                `${open.length} open`,
                ...(admin && unnamed > 0 ? [`${unnamed} waiting for a committee`] : []),
                ...(toVote > 0 ? [`${toVote} waiting for your vote`] : []),
                `${list.length - open.length} decided`,
              ].join(' · ')}
        </Text>
      )}
      <AppealList
        bodyId={bodyId}
        appeals={list}
        staff={staffList.data}
        userId={me.user.id}
        admin={admin}
        providerName={(providerId) => names.get(providerId) ?? 'a provider'}
        onDone={status.show}
      />
    </Stack>
  );
}
