import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/client';
import { invalidateProvider, updateProvider, type ProviderView } from '../api/providers';
import { formatDateTime } from '../format';
import {
  firstErrorId,
  NO_PROVIDER_ERRORS,
  PROVIDER_KIND_LABELS,
  PROVIDER_STATUS_COLORS,
  PROVIDER_STATUS_LABELS,
  providerChange,
  providerErrors,
  providerProblems,
  problemSummary,
  providerValuesOf,
  type ProviderErrors,
  type ProviderField,
  type ProviderValues,
} from '../providers/provider-form';
import { ProblemAlert } from './problem-alert';
import { ProviderFields } from './provider-fields';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text component="dt" size="sm" c="dimmed" miw="8rem">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** The provider's standing: a badge, and for anything but good standing the reason and since when. */
export function ProviderStanding({ provider }: { provider: ProviderView }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">Status:</Text>
        <Badge color={PROVIDER_STATUS_COLORS[provider.status]} variant="light" tt="none" size="lg">
          {PROVIDER_STATUS_LABELS[provider.status]}
        </Badge>
      </Group>
      {provider.statusReason && (
        <Alert
          color={PROVIDER_STATUS_COLORS[provider.status]}
          variant="light"
          title={provider.statusChangedAt ? `Reason (since ${formatDateTime(provider.statusChangedAt)})` : 'Reason'}
        >
          {provider.statusReason}
        </Alert>
      )}
    </Stack>
  );
}

/** A provider's details, and for its own users and the body's admins a form to change them (only what changed is sent). */
export function ProviderDetails(props: { bodyId: string; provider: ProviderView; canEdit: boolean }) {
  const { bodyId, provider, canEdit } = props;
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<ProviderValues>(() => providerValuesOf(provider));
  const [errors, setErrors] = useState<ProviderErrors>(NO_PROVIDER_ERRORS);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);

  function set<K extends ProviderField>(field: K, value: ProviderValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors.provider[field]) setErrors((current) => ({ ...current, provider: { ...current.provider, [field]: undefined } }));
  }

  function focusFirst(found: ProviderErrors) {
    const id = firstErrorId(found, 'provider-edit');
    if (id) document.getElementById(id)?.focus();
  }

  function startEditing() {
    setValues(providerValuesOf(provider));
    setErrors(NO_PROVIDER_ERRORS);
    setProblem(null);
    setStatus('');
    setEditing(true);
  }

  function stopEditing() {
    setEditing(false);
    requestAnimationFrame(() => editRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found = { ...NO_PROVIDER_ERRORS, provider: providerProblems(values) };
    if (Object.keys(found.provider).length > 0) {
      setErrors(found);
      focusFirst(found);
      return;
    }
    const change = providerChange(provider, values);
    if (change === null) {
      setStatus('Nothing to save: the details are as shown.');
      stopEditing();
      return;
    }
    setSaving(true);
    try {
      const updated = await updateProvider(bodyId, provider.id, change);
      queryClient.setQueryData(['provider', bodyId, provider.id], updated);
      await invalidateProvider(queryClient, bodyId, provider.id);
      const fields = Object.keys(change).length;
      setStatus(`Details saved (${fields} ${fields === 1 ? 'field' : 'fields'} changed).`);
      setEditing(false);
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (error) {
      setProblem(error);
      if (isApiError(error, 400)) {
        const fromServer = providerErrors(error.errors);
        setErrors(fromServer);
        focusFirst(fromServer);
      }
    } finally {
      setSaving(false);
    }
  }

  const summary = problemSummary(errors);
  const place = [provider.city, provider.region].filter(Boolean).join(', ');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="provider-details-heading">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h4" id="provider-details-heading">
            Details
          </Title>
          {canEdit && !editing && (
            <Button ref={editRef} variant="light" size="sm" onClick={startEditing}>
              Change details
            </Button>
          )}
        </Group>
        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" style={{ outline: 'none' }}>
          {status && (
            <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
              {status}
            </Alert>
          )}
        </div>
        {!editing ? (
          <Stack component="dl" gap={6} m={0}>
            <Fact term="Name">{provider.name}</Fact>
            <Fact term="Kind">{PROVIDER_KIND_LABELS[provider.kind]}</Fact>
            <Fact term="Contact person">{provider.contactName}</Fact>
            <Fact term="Contact e-mail">
              <Anchor href={`mailto:${provider.email}`}>{provider.email}</Anchor>
            </Fact>
            <Fact term="Phone">{provider.phone ?? 'not given'}</Fact>
            <Fact term="Website">
              {provider.website ? (
                <Anchor href={provider.website} target="_blank" rel="noopener noreferrer">
                  {provider.website}
                </Anchor>
              ) : (
                'not given'
              )}
            </Fact>
            <Fact term="Location">{place || 'not given'}</Fact>
            <Fact term="Registered">{formatDateTime(provider.createdAt)}</Fact>
          </Stack>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change the provider's details">
            <Stack gap="md">
              {problem !== null && (
                <ProblemAlert error={problem} title="The details were not saved" withIssues={!isApiError(problem, 400)} />
              )}
              <ProviderFields idPrefix="provider-edit" values={values} errors={errors.provider} onChange={set} autoFocus />
              {summary.length > 0 && (
                <List size="sm" c="red.8" role="alert">
                  {summary.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={stopEditing} disabled={saving}>
                  Cancel
                </Button>
                <Button type="submit" loading={saving}>
                  Save details
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
