import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiKeyQuery, createApiKey, revokeApiKey, type ApiKey } from '../api/applications';
import { CancelOrConfirm } from '../components/form-actions';
import { PageModal } from '../components/page-modal';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { StatusText } from '../components/status';
import { formatDateTime } from '../format';

/** The provider's key for reporting attendance through the API: created or replaced, and shown only once. */
export function ApiKeyCard({ bodyId, providerId }: { bodyId: string; providerId: string }) {
  const queryClient = useQueryClient();
  const prefix = useQuery(apiKeyQuery(bodyId, providerId));
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [confirm, setConfirm] = useState<'replace' | 'revoke' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const keyRef = useRef<HTMLInputElement>(null);

  async function run(step: 'create' | 'revoke') {
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      if (step === 'create') {
        setCreated(await createApiKey(bodyId, providerId));
        requestAnimationFrame(() => keyRef.current?.focus());
      } else {
        await revokeApiKey(bodyId, providerId);
        setCreated(null);
        setStatus('The API key was revoked: requests with it are refused.');
      }
      await queryClient.invalidateQueries({ queryKey: ['api-key', bodyId, providerId] });
      setConfirm(null);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  const has = prefix.data !== null && prefix.data !== undefined;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="api-key-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="api-key-heading">
          API key for attendance reporting
        </Title>
        <Text size="sm">Your systems can report rosters without signing in: send the CSV file as</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {`POST /api/v1/bodies/${bodyId}/offerings/<offering id>/attendance/csv\nContent-Type: text/csv\nAuthorization: Bearer <key>`}
        </Code>
        <QueryState query={prefix} what="the key" height={24} />
        {!prefix.isPending && !created && (
          <Text size="sm">{has ? `Your key starts with ${prefix.data}.` : 'You have no API key.'}</Text>
        )}
        <StatusText message={status} />
        {created && (
          <Alert color="yellow" variant="light" title="Copy the key now: it is not shown again">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                ref={keyRef}
                label="API key"
                description={`Created ${formatDateTime(created.createdAt)}. Keep it secret; replace it if it leaks.`}
                value={created.key}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: '1 1 18rem', minWidth: 0 }}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy key'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        {problem !== null && <ProblemAlert error={problem} title="The key was not changed" />}
        <Group gap="sm">
          <Button
            variant="light"
            loading={busy && confirm === null}
            onClick={() => (has ? setConfirm('replace') : void run('create'))}
          >
            {has ? 'Replace API key' : 'Create API key'}
          </Button>
          {has && (
            <Button variant="subtle" color="red" onClick={() => setConfirm('revoke')}>
              Revoke API key
            </Button>
          )}
        </Group>
      </Stack>
      <PageModal
        opened={confirm !== null}
        onClose={() => !busy && setConfirm(null)}
        title={confirm === 'revoke' ? 'Revoke the API key?' : 'Replace the API key?'}
      >
        <Stack>
          <Text size="sm">
            {confirm === 'revoke'
              ? 'Requests with the current key will be refused. You can create a new key later.'
              : 'The current key stops working at once: systems that use it need the new one, shown once after this.'}
          </Text>
          {problem !== null && <ProblemAlert error={problem} title="The key was not changed" />}
          <CancelOrConfirm
            label={confirm === 'revoke' ? 'Revoke key' : 'Replace key'}
            color="red"
            busy={busy}
            onCancel={() => setConfirm(null)}
            onConfirm={() => void run(confirm === 'revoke' ? 'revoke' : 'create')}
          />
        </Stack>
      </PageModal>
    </Card>
  );
}
