import { Alert, Button, Card, Group, Modal, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { applicationQuery, invalidateApplication, withdrawApplication, type ApplicationView } from '../api/applications';
import { ApplicationContent } from '../components/application-content';
import { ApplicationEditor } from '../components/application-editor';
import { ApplicationStatus } from '../components/application-status';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
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
  const phone = useMediaQuery('(max-width: 36em)');
  const application = useQuery({ ...applicationQuery(bodyId, providerId, applicationId), enabled: providerId !== '' });
  const [status, setStatus] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  function announce(text: string) {
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  const view = application.data;
  const withdrawable = view && ['draft', 'submitted', 'info-requested'].includes(view.status);

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/provider/applications" params={{ bodyId }} size="sm">
        All applications
      </AnchorLink>
      {application.error && <ProblemAlert error={application.error} title="The application could not be loaded" />}
      {application.isPending && !application.error && <Skeleton height={240} aria-label="Loading the application" />}
      {view && (
        <>
          <div>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {view.title || 'Untitled application'}
            </Title>
            <Text size="sm" c="dimmed">
              Application for pre-approval by {view.providerName}
            </Text>
          </div>
          <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" style={{ outline: 'none' }}>
            {status && (
              <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
                {status}
              </Alert>
            )}
          </div>
          <ApplicationStatus application={view} />
          {isEditable(view.status) ? (
            <ApplicationEditor
              key={`${view.id}-${view.version}`}
              bodyId={bodyId}
              application={view}
              onSubmitted={(submitted) =>
                announce(`Submitted as version ${submitted.version}. You are told of each step by e-mail.`)
              }
            />
          ) : (
            <Card withBorder padding="lg" component="section" aria-labelledby="content-heading">
              <Stack gap="sm">
                <Title order={2} size="h4" id="content-heading">
                  {view.version > 0 ? `As submitted (version ${view.version})` : 'Application'}
                </Title>
                <ApplicationContent
                  bodyId={bodyId}
                  providerId={view.providerId}
                  applicationId={view.id}
                  content={view.content}
                  files={view.files}
                />
              </Stack>
            </Card>
          )}
          {withdrawable && (
            <Group>
              <Button variant="subtle" color="red" onClick={() => setWithdrawing(true)}>
                Withdraw this application
              </Button>
            </Group>
          )}
          <Modal
            opened={withdrawing}
            onClose={() => setWithdrawing(false)}
            title="Withdraw this application?"
            size="lg"
            fullScreen={phone}
            closeButtonProps={{ 'aria-label': 'Close' }}
          >
            <WithdrawForm
              bodyId={bodyId}
              application={view}
              onCancel={() => setWithdrawing(false)}
              onDone={async (withdrawn) => {
                await invalidateApplication(queryClient, bodyId, withdrawn);
                setWithdrawing(false);
                announce('The application was withdrawn.');
              }}
            />
          </Modal>
        </>
      )}
    </Stack>
  );
}
