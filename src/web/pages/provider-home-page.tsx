import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import {
  fileAppeal,
  invalidateProvider,
  noticesQuery,
  providerAppealsQuery,
  providerQuery,
  type Appeal,
  type Notice,
  type ProviderView,
} from '../api/providers';
import { AppealStatus } from '../components/appeal-status';
import { ButtonLink } from '../components/links';
import { NoticeList } from '../components/notice-list';
import { PageModal } from '../components/page-modal';
import { ProviderDetails, ProviderHeader } from '../components/provider-details';
import { QueryState } from '../components/query-state';
import { ReasonForm } from '../components/reason-form';
import { SectionCard } from '../components/section-card';
import { useStatus } from '../components/status';
import { bodyInfo, todayIn } from '../bodies';
import { formatDateTime, formatDay } from '../format';
import { NotAProvider } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { appealsByNotice, appealWindow } from '../providers/notices';
import { bodyNameOf, providerIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/provider');

function AppealForm(props: {
  bodyId: string;
  provider: ProviderView;
  notice: Notice;
  onFiled: () => Promise<void>;
  onCancel: () => void;
}) {
  const { bodyId, provider, notice } = props;
  return (
    <ReasonForm
      id="appeal-grounds"
      intro={`The body's Review and Appeals Committee decides the appeal by majority; its decision is final. You are told the decision by e-mail at ${provider.email}.`}
      label="Grounds for the appeal"
      description="Why the termination should be lifted: facts, corrections, what has changed. At least 10 characters."
      field="grounds"
      missing="Say why, in at least 10 characters"
      minLength={10}
      maxLength={10000}
      minRows={5}
      problemTitle="The appeal was not filed"
      submitLabel="File appeal"
      onSubmit={async (grounds) => {
        await fileAppeal(bodyId, provider.id, { noticeId: notice.id, grounds });
        await props.onFiled();
      }}
      onCancel={props.onCancel}
    />
  );
}

/** Under a termination notice: the appeal filed against it, or the button to appeal while the period lasts. */
function TerminationAppeal(props: {
  provider: ProviderView;
  notice: Notice;
  appeal: Appeal | undefined;
  today: string;
  onAppeal: () => void;
}) {
  const { provider, notice, appeal, today } = props;
  if (appeal)
    return (
      <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)" component="section" aria-label="Your appeal">
        <AppealStatus appeal={appeal} />
      </Card>
    );
  if (!notice.appealBy) return null;
  const period = appealWindow(notice.appealBy, today);
  if (!period.open)
    return (
      <Text size="sm" c="dimmed">
        The appeal period ended on {formatDay(period.closedOn)}.
      </Text>
    );
  if (provider.status !== 'terminated') return null;
  return (
    <Group gap="sm">
      <Button
        color="red"
        variant="light"
        onClick={props.onAppeal}
        aria-label={`Appeal the termination of ${formatDateTime(notice.at)}`}
      >
        Appeal
      </Button>
      <Text size="sm">
        {period.daysLeft === 0
          ? 'Today is the last day to appeal.'
          : `${period.daysLeft} ${period.daysLeft === 1 ? 'day' : 'days'} left to appeal (until ${formatDay(notice.appealBy)}).`}
      </Text>
    </Group>
  );
}

/** A CE provider's own page: its standing, details, the body's notices, and an appeal against a termination. */
export function ProviderHomePage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const providerId = providerIdIn(me, bodyId);
  const queryClient = useQueryClient();
  const provider = useQuery({ ...providerQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const notices = useQuery({ ...noticesQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const appeals = useQuery({ ...providerAppealsQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const appealOf = useMemo(() => appealsByNotice(appeals.data ?? []), [appeals.data]);
  const [appealing, setAppealing] = useState<Notice | null>(null);
  const status = useStatus();
  const today = todayIn(bodyInfo(bodyId).timeZone);

  if (providerId === null)
    return (
      <NotAProvider title="CE provider" bodyId={bodyId}>
        To offer pre-approved continuing education with {bodyNameOf(me, bodyId)}, register a provider.
      </NotAProvider>
    );

  async function filed() {
    // The provider's appeals are read again with the rest of it.
    await invalidateProvider(queryClient, bodyId, providerId!);
    setAppealing(null);
    status.show('Your appeal was filed. The committee decides by majority; you are told the decision by e-mail.');
  }

  return (
    <Stack gap="lg">
      <QueryState query={provider} what="the provider" height={200} />
      {provider.data && (
        <>
          <ProviderHeader provider={provider.data} bodyName={bodyNameOf(me, bodyId)} status={status} />
          <Group gap="sm">
            <ButtonLink to="/bodies/$bodyId/provider/applications" params={{ bodyId }} variant="light">
              Applications for pre-approval
            </ButtonLink>
            <ButtonLink to="/bodies/$bodyId/provider/offerings" params={{ bodyId }} variant="light">
              Approved offerings and attendance
            </ButtonLink>
          </Group>
          {provider.data.status === 'terminated' && (
            <Text size="sm">
              Your approvals were terminated: your offerings are off the public calendar and new approvals are not given. You may
              appeal within {bodyInfo(bodyId).appealDays} days of the notice.
            </Text>
          )}
          {provider.data.status === 'suspended' && (
            <Text size="sm">While suspended, your offerings are off the public calendar.</Text>
          )}
          <ProviderDetails key={provider.data.id} bodyId={bodyId} provider={provider.data} canEdit />

          <SectionCard id="notices" title={`Notices from ${bodyNameOf(me, bodyId)}`}>
            <QueryState query={notices} what="the notices" height={80} />
            <QueryState query={appeals} what="your appeals" height={80} />
            {notices.data && appeals.data && (
              <NoticeList
                notices={notices.data}
                empty="No warnings, suspensions or terminations."
                extra={(notice) =>
                  notice.kind === 'termination' ? (
                    <TerminationAppeal
                      provider={provider.data}
                      notice={notice}
                      appeal={appealOf.get(notice.id)}
                      today={today}
                      onAppeal={() => setAppealing(notice)}
                    />
                  ) : null
                }
              />
            )}
          </SectionCard>

          <PageModal opened={appealing !== null} onClose={() => setAppealing(null)} title="Appeal the termination" size="lg">
            {appealing && (
              <AppealForm
                key={appealing.id}
                bodyId={bodyId}
                provider={provider.data}
                notice={appealing}
                onFiled={filed}
                onCancel={() => setAppealing(null)}
              />
            )}
          </PageModal>
        </>
      )}
    </Stack>
  );
}
