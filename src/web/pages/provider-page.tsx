import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { applicationsQuery } from '../api/applications';
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
import { AppealList } from '../components/appeal-card';
import { StatusBadge } from '../components/application-status';
import { CancelOrConfirm } from '../components/form-actions';
import { AnchorLink } from '../components/links';
import { NoticeList } from '../components/notice-list';
import { PageModal } from '../components/page-modal';
import { ProblemAlert, ProblemList } from '../components/problem-alert';
import { ProviderDetails, ProviderHeader } from '../components/provider-details';
import { QueryState } from '../components/query-state';
import { SectionCard } from '../components/section-card';
import { useStatus } from '../components/status';
import { formatDay } from '../format';
import { fieldIssue, problemLines } from '../forms';
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

/** Staff record a monitoring note; admins warn, suspend, terminate (after a confirmation) or reinstate, with a reason. */
function NoticeForm(props: { bodyId: string; provider: ProviderView; admin: boolean; onDone: (text: string) => void }) {
  const { bodyId, provider, admin } = props;
  const queryClient = useQueryClient();
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
        <ProblemList lines={problemLines(errors, { kind: 'Kind of notice', text: TEXT_LABELS[chosen].label })} />
        <Group>
          <Button type="submit" loading={saving && !confirming} color={chosen === 'termination' ? 'red' : undefined}>
            {RECORD_WORDS[chosen]}
          </Button>
        </Group>
      </Stack>

      <PageModal
        opened={confirming}
        onClose={() => !saving && setConfirming(false)}
        onExitTransitionEnd={() => {
          if (focusOnClose.current) document.getElementById(focusOnClose.current)?.focus();
          focusOnClose.current = null;
        }}
        title={`Terminate ${provider.name}?`}
        size="lg"
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
          <CancelOrConfirm
            label="Terminate provider"
            color="red"
            busy={saving}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void send()}
          />
        </Stack>
      </PageModal>
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
  const status = useStatus();

  if (!staff) return <StaffOnly title="CE provider" />;

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/providers" params={{ bodyId }} size="sm">
        All CE providers
      </AnchorLink>
      <QueryState query={provider} what="the provider" height={200} />
      {provider.data && (
        <>
          <ProviderHeader provider={provider.data} bodyName={bodyNameOf(me, bodyId)} status={status} />
          <ProviderDetails key={provider.data.id} bodyId={bodyId} provider={provider.data} canEdit={admin} />

          <SectionCard id="applications" title="Applications">
            <QueryState query={applications} what="the applications" height={60} />
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
          </SectionCard>

          <SectionCard id="notices" title="Monitoring and notices" gap="md">
            <NoticeForm key={provider.data.status} bodyId={bodyId} provider={provider.data} admin={admin} onDone={status.show} />
            <QueryState query={notices} what="the notices" height={80} />
            {notices.data && <NoticeList notices={notices.data} staff={staffList.data} empty="No notice yet." />}
          </SectionCard>

          <SectionCard id="appeals" title="Appeals" gap="md">
            <QueryState query={appeals} what="the appeals" height={80} />
            {staffList.error && <ProblemAlert error={staffList.error} title="The staff list could not be loaded" />}
            {appeals.data && appeals.data.length === 0 && <Text size="sm">No appeal.</Text>}
            <AppealList
              bodyId={bodyId}
              appeals={appeals.data ?? []}
              staff={staffList.data}
              userId={me.user.id}
              admin={admin}
              onDone={status.show}
            />
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
