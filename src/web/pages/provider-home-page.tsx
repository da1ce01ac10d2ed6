import { Alert, Button, Card, Group, Modal, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
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
import { ProblemAlert } from '../components/problem-alert';
import { ProviderDetails, ProviderStanding } from '../components/provider-details';
import { bodyInfo, todayIn } from '../bodies';
import { capitalize, formatDateTime, formatDay } from '../format';
import { useSession } from '../layout/session-context';
import { appealsByNotice, appealWindow } from '../providers/notices';
import { bodyNameOf, providerIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/provider');

/** The server's message for the grounds, when it names them. */
function groundsIssue(error: unknown): string | undefined {
  if (!isApiError(error, 400)) return undefined;
  const issue = error.errors.find((e) => /(^|\.)grounds$/.test(e.path));
  return issue ? capitalize(issue.message) : undefined;
}

function AppealForm(props: {
  bodyId: string;
  provider: ProviderView;
  notice: Notice;
  onFiled: (appeal: Appeal) => Promise<void>;
  onCancel: () => void;
}) {
  const { bodyId, provider, notice } = props;
  const [grounds, setGrounds] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (grounds.trim().length < 10) {
      setError('Say why, in at least 10 characters');
      document.getElementById('appeal-grounds')?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onFiled(await fileAppeal(bodyId, provider.id, { noticeId: notice.id, grounds: grounds.trim() }));
    } catch (failure) {
      setProblem(failure);
      const message = groundsIssue(failure);
      if (message) {
        setError(message);
        document.getElementById('appeal-grounds')?.focus();
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">
          The body&apos;s Review and Appeals Committee decides the appeal by majority; its decision is final. You are told the
          decision by e-mail at {provider.email}.
        </Text>
        {problem !== null && !groundsIssue(problem) && <ProblemAlert error={problem} title="The appeal was not filed" />}
        <Textarea
          id="appeal-grounds"
          data-autofocus
          label="Grounds for the appeal"
          description="Why the termination should be lifted: facts, corrections, what has changed. At least 10 characters."
          required
          autosize
          minRows={5}
          maxLength={10000}
          value={grounds}
          onChange={(event) => {
            setGrounds(event.currentTarget.value);
            if (error) setError(undefined);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            File appeal
          </Button>
        </Group>
      </Stack>
    </form>
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
  const phone = useMediaQuery('(max-width: 36em)');
  const provider = useQuery({ ...providerQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const notices = useQuery({ ...noticesQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const appeals = useQuery({ ...providerAppealsQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const appealOf = useMemo(() => appealsByNotice(appeals.data ?? []), [appeals.data]);
  const [appealing, setAppealing] = useState<Notice | null>(null);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const today = todayIn(bodyInfo(bodyId).timeZone);

  if (providerId === null) {
    return (
      <Stack maw={640}>
        <Title order={1} size="h2">
          CE provider
        </Title>
        <Alert color="gray" title="You do not act for a provider of this body">
          To offer pre-approved continuing education with {bodyNameOf(me, bodyId)}, register a provider.
        </Alert>
        <ButtonLink to="/become-a-provider" search={{ body: bodyId }} w="fit-content">
          Become a CE provider
        </ButtonLink>
      </Stack>
    );
  }

  async function filed() {
    // The provider's appeals are read again with the rest of it.
    await invalidateProvider(queryClient, bodyId, providerId!);
    setAppealing(null);
    setStatus('Your appeal was filed. The committee decides by majority; you are told the decision by e-mail.');
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <Stack gap="lg">
      {provider.error && <ProblemAlert error={provider.error} title="The provider could not be loaded" />}
      {provider.isPending && !provider.error && <Skeleton height={200} aria-label="Loading the provider" />}
      {provider.data && (
        <>
          <div>
            <Title order={1} size="h2">
              {provider.data.name}
            </Title>
            <Text size="sm" c="dimmed">
              CE provider with {bodyNameOf(me, bodyId)}
            </Text>
          </div>
          <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" style={{ outline: 'none' }}>
            {status && (
              <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
                {status}
              </Alert>
            )}
          </div>
          <ProviderStanding provider={provider.data} />
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

          <Card withBorder padding="lg" component="section" aria-labelledby="notices-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="notices-heading">
                Notices from {bodyNameOf(me, bodyId)}
              </Title>
              {notices.error && <ProblemAlert error={notices.error} title="The notices could not be loaded" />}
              {appeals.error && <ProblemAlert error={appeals.error} title="Your appeals could not be loaded" />}
              {(notices.isPending || appeals.isPending) && !notices.error && !appeals.error && (
                <Skeleton height={80} aria-label="Loading the notices" />
              )}
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
            </Stack>
          </Card>

          <Modal
            opened={appealing !== null}
            onClose={() => setAppealing(null)}
            title="Appeal the termination"
            size="lg"
            fullScreen={phone}
            closeButtonProps={{ 'aria-label': 'Close' }}
          >
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
          </Modal>
        </>
      )}
    </Stack>
  );
}
