import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { applicationQuery, invalidateApplication, withdrawApplication, type ApplicationView } from '../api/applications';
import { ApplicationContent } from '../components/application-content';
import { ApplicationEditor } from '../components/application-editor';
import { ApplicationHeader } from '../components/application-status';
import { AnchorLink } from '../components/links';
import { PageModal } from '../components/page-modal';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { SectionCard } from '../components/section-card';
import { useStatus } from '../components/status';
import { useSession } from '../layout/session-context';
import { isEditable } from '../providers/application-form';
import { providerIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/provider/applications/$applicationId');

function WithdrawForm(props: {
  bodyId: string;
  application: ApplicationView;
  onDone: (view: ApplicationView) => Promise<void>;
  onCancel: () => void;
}) {
  const { bodyId, application } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        setProblem(null);
        withdrawApplication(bodyId, application.providerId, application.id, reason.trim() || null)
          .then(props.onDone)
          .catch(setProblem)
          .finally(() => setSaving(false));
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">
          &ldquo;{application.title || 'This application'}&rdquo; will be withdrawn: the body stops reviewing it, and it cannot be
          submitted again. Start a new application to apply later.
        </Text>
        {problem !== null && <ProblemAlert error={problem} title="The application was not withdrawn" />}
        <Textarea
          data-autofocus
          label="Reason"
          description="Optional; kept with the application"
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={saving}>
            Withdraw application
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One of the provider's applications: the draft form while it can change, else what was submitted and the decision. */
export function ProviderApplicationPage() {
  const { bodyId, applicationId } = route.useParams();
  const { me } = useSession();
  const providerId = providerIdIn(me, bodyId) ?? '';
  const queryClient = useQueryClient();
  const application = useQuery({ ...applicationQuery(bodyId, providerId, applicationId), enabled: providerId !== '' });
  const status = useStatus();
  const [withdrawing, setWithdrawing] = useState(false);

  const view = application.data;
  const withdrawable = view && ['draft', 'submitted', 'info-requested'].includes(view.status);

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/provider/applications" params={{ bodyId }} size="sm">
        All applications
      </AnchorLink>
      <QueryState query={application} what="the application" height={240} />
      {view && (
        <>
          <ApplicationHeader application={view} byline={`Application for pre-approval by ${view.providerName}`} status={status} />
          {isEditable(view.status) ? (
            <ApplicationEditor
              key={`${view.id}-${view.version}`}
              bodyId={bodyId}
              application={view}
              onSubmitted={(submitted) =>
                status.show(`Submitted as version ${submitted.version}. You are told of each step by e-mail.`)
              }
            />
          ) : (
            <SectionCard id="content" title={view.version > 0 ? `As submitted (version ${view.version})` : 'Application'}>
              <ApplicationContent
                bodyId={bodyId}
                providerId={view.providerId}
                applicationId={view.id}
                content={view.content}
                files={view.files}
              />
            </SectionCard>
          )}
          {withdrawable && (
            <Group>
              <Button variant="subtle" color="red" onClick={() => setWithdrawing(true)}>
                Withdraw this application
              </Button>
            </Group>
          )}
          <PageModal opened={withdrawing} onClose={() => setWithdrawing(false)} title="Withdraw this application?" size="lg">
            <WithdrawForm
              bodyId={bodyId}
              application={view}
              onCancel={() => setWithdrawing(false)}
              onDone={async (withdrawn) => {
                await invalidateApplication(queryClient, bodyId, withdrawn);
                setWithdrawing(false);
                status.show('The application was withdrawn.');
              }}
            />
          </PageModal>
        </>
      )}
    </Stack>
  );
}
