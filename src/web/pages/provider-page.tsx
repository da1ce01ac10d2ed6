import { Alert, Button, Card, Group, List, Modal, NativeSelect, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { applicationsQuery } from '../api/applications';
import { isApiError } from '../api/client';
import {
  invalidateProvider,
  noticesQuery,
  providerAppealsQuery,
  providerQuery,
  recordNotice,
  staffQuery,
  type NoticeKind,
  type ProviderView,
} from '../api/providers';
import { bodyInfo, todayIn } from '../bodies';
import { AppealCard } from '../components/appeal-card';
import { AnchorLink } from '../components/links';
import { StatusBadge } from '../components/application-status';
import { NoticeList } from '../components/notice-list';
import { ProblemAlert } from '../components/problem-alert';
import { ProviderDetails, ProviderStanding } from '../components/provider-details';
import { capitalize, formatDay } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { addDays } from '../providers/dates';
import { NOTICE_LABELS, noticeKindsFor } from '../providers/notices';
import { bodyNameOf, isAdminIn, isStaffIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/providers/$providerId');

const TEXT_LABELS: Record<NoticeKind, { label: string; description: string }> = {
  note: { label: 'Note', description: "Internal to the body's staff: the provider does not see it." },
  warning: { label: 'Reason', description: 'The provider is told by e-mail and sees it on their page.' },
  suspension: { label: 'Reason', description: 'The provider is told by e-mail and sees it on their page.' },
  termination: { label: 'Reason', description: 'The provider is told by e-mail and sees it on their page.' },
  reinstatement: { label: 'Reason', description: 'The provider is told by e-mail and sees it on their page.' },
};

const RECORD_WORDS: Record<NoticeKind, string> = {
  note: 'Record note',
  warning: 'Warn provider',
  suspension: 'Suspend provider',
  termination: 'Terminate provider',
  reinstatement: 'Reinstate provider',
};

/** A server problem on a field of the notice ("body.kind", "body.text"). */
function fieldIssue(error: unknown, field: 'kind' | 'text'): string | undefined {
  if (!isApiError(error) || error.errors.length === 0) return undefined;
  const issue = error.errors.find((e) => e.path.replace(/^body\.?/, '') === field);
  return issue ? capitalize(issue.message) : undefined;
}

/** Staff record a monitoring note; admins warn, suspend, terminate (after a confirmation) or reinstate, with a reason. */
function NoticeForm(props: { bodyId: string; provider: ProviderView; admin: boolean; onDone: (text: string) => void }) {
  const { bodyId, provider, admin } = props;
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const kinds = noticeKindsFor(provider.status, admin);
  const [kind, setKind] = useState<NoticeKind>('note');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; text?: string }>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const focusOnClose = useRef<string | null>(null);
  const { appealDays, timeZone } = bodyInfo(bodyId);
  const chosen = kinds.includes(kind) ? kind : 'note';

  async function send() {
    setSaving(true);
    setProblem(null);
    try {
      await recordNotice(bodyId, provider.id, { kind: chosen, text: text.trim() });
      await invalidateProvider(queryClient, bodyId, provider.id);
      setConfirming(false);
      setText('');
      setKind('note');
      props.onDone(
        chosen === 'note' ? 'The note was recorded.' : `${NOTICE_LABELS[chosen]} recorded; ${provider.name} is told by e-mail.`,
      );
    } catch (failure) {
      setProblem(failure);
      const found = { kind: fieldIssue(failure, 'kind'), text: fieldIssue(failure, 'text') };
      setErrors(found);
      const target = found.text ? 'notice-text' : found.kind ? 'notice-kind' : null;
      if (confirming) {
        // The field takes the focus once the confirmation has closed and given it back.
        focusOnClose.current = target;
        setConfirming(false);
      } else if (target) document.getElementById(target)?.focus();
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (text.trim() === '') {
      setErrors({ text: chosen === 'note' ? 'Write the note' : 'Give the reason: the provider reads it' });
      document.getElementById('notice-text')?.focus();
      return;
    }
    setErrors({});
    if (chosen === 'termination') setConfirming(true);
    else void send();
  }

  const appealBy = addDays(todayIn(timeZone), appealDays);

  return (
    <form onSubmit={submit} noValidate aria-label="Record a notice">
      <Stack gap="sm">
        {problem !== null && !confirming && !errors.kind && !errors.text && (
          <ProblemAlert error={problem} title="The notice was not recorded" />
        )}
        <NativeSelect
          id="notice-kind"
          label="Kind of notice"
          description={
            admin
              ? 'A warning, suspension or termination changes the standing; a termination is lifted only on appeal.'
              : 'Administrators warn, suspend, terminate and reinstate; reviewers record monitoring notes.'
          }
          value={chosen}
          onChange={(event) => {
            setKind(event.currentTarget.value as NoticeKind);
            setErrors((current) => ({ ...current, kind: undefined }));
          }}
          data={kinds.map((value) => ({ value, label: NOTICE_LABELS[value] }))}
          error={errors.kind}
        />
        <Textarea
          id="notice-text"
          label={TEXT_LABELS[chosen].label}
          description={TEXT_LABELS[chosen].description}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (errors.text) setErrors((current) => ({ ...current, text: undefined }));
          }}
          error={errors.text}
        />
        {(errors.kind || errors.text) && (
          <List size="sm" c="red.8" role="alert">
            {errors.kind && <List.Item>Kind of notice: {errors.kind}</List.Item>}
            {errors.text && (
              <List.Item>
                {TEXT_LABELS[chosen].label}: {errors.text}
              </List.Item>
            )}
          </List>
        )}
        <Group>
          <Button type="submit" loading={saving && !confirming} color={chosen === 'termination' ? 'red' : undefined}>
            {RECORD_WORDS[chosen]}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => !saving && setConfirming(false)}
        onExitTransitionEnd={() => {
          if (focusOnClose.current) document.getElementById(focusOnClose.current)?.focus();
          focusOnClose.current = null;
        }}
        title={`Terminate ${provider.name}?`}
        size="lg"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text size="sm">
            <strong>{provider.name}</strong> will be terminated. Its approved offerings will be withdrawn: they leave the public
            CE calendar, and their approval codes no longer count for dates after today.
          </Text>
          <Text size="sm">
            The provider is told by e-mail, with your reason, and may appeal within {appealDays} days (until {formatDay(appealBy)}
            ). The Review and Appeals Committee then decides by majority; until then the termination stands.
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <strong>Reason:</strong> {text.trim()}
          </Text>
          {problem !== null && <ProblemAlert error={problem} title="The provider was not terminated" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={saving} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={() => void send()} loading={saving}>
              Terminate provider
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

/** Staff: one provider, its details, the notices and the appeals of its terminations. */
export function ProviderPage() {
  const { bodyId, providerId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const admin = isAdminIn(me, bodyId);
  const provider = useQuery({ ...providerQuery(bodyId, providerId), enabled: staff });
  const notices = useQuery({ ...noticesQuery(bodyId, providerId), enabled: staff });
  const appeals = useQuery({ ...providerAppealsQuery(bodyId, providerId), enabled: staff });
  const staffList = useQuery({ ...staffQuery(bodyId), enabled: staff });
  const applications = useQuery({ ...applicationsQuery(bodyId, providerId), enabled: staff });
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const own = appeals.data ?? [];

  if (!staff) return <StaffOnly title="CE provider" />;

  function done(text: string) {
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/providers" params={{ bodyId }} size="sm">
        All CE providers
      </AnchorLink>
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
          <ProviderDetails key={provider.data.id} bodyId={bodyId} provider={provider.data} canEdit={admin} />

          <Card withBorder padding="lg" component="section" aria-labelledby="applications-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="applications-heading">
                Applications
              </Title>
              {applications.error && <ProblemAlert error={applications.error} title="The applications could not be loaded" />}
              {applications.data && applications.data.length === 0 && <Text size="sm">No application yet.</Text>}
              {applications.data && applications.data.length > 0 && (
                <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Applications">
                  {applications.data.map((item) => (
                    <Group component="li" key={item.id} gap="xs" wrap="wrap">
                      <AnchorLink
                        to="/bodies/$bodyId/providers/$providerId/applications/$applicationId"
                        params={{ bodyId, providerId, applicationId: item.id }}
                      >
                        {item.title || 'Untitled application'}
                      </AnchorLink>
                      <StatusBadge status={item.status} />
                      {item.decisionDue && item.daysLeft !== null && (
                        <Text size="sm" c={item.overdue ? 'red.8' : 'dimmed'}>
                          due {formatDay(item.decisionDue)}
                        </Text>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="notices-heading">
            <Stack gap="md">
              <Title order={2} size="h4" id="notices-heading">
                Monitoring and notices
              </Title>
              <NoticeForm key={provider.data.status} bodyId={bodyId} provider={provider.data} admin={admin} onDone={done} />
              {notices.error && <ProblemAlert error={notices.error} title="The notices could not be loaded" />}
              {notices.isPending && !notices.error && <Skeleton height={80} aria-label="Loading the notices" />}
              {notices.data && <NoticeList notices={notices.data} staff={staffList.data} empty="No notice yet." />}
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="appeals-heading">
            <Stack gap="md">
              <Title order={2} size="h4" id="appeals-heading">
                Appeals
              </Title>
              {appeals.error && <ProblemAlert error={appeals.error} title="The appeals could not be loaded" />}
              {staffList.error && <ProblemAlert error={staffList.error} title="The staff list could not be loaded" />}
              {appeals.data && own.length === 0 && <Text size="sm">No appeal.</Text>}
              {own.length > 0 && (
                <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Appeals">
                  {own.map((appeal) => (
                    <AppealCard
                      key={appeal.id}
                      bodyId={bodyId}
                      appeal={appeal}
                      staff={staffList.data}
                      userId={me.user.id}
                      admin={admin}
                      onDone={done}
                    />
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}
