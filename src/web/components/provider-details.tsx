import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
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
import { Fact } from './facts';
import { CancelOrConfirm } from './form-actions';
import { ProblemAlert, ProblemList } from './problem-alert';
import { ProviderFields } from './provider-fields';
import { StatusAlert, useStatus, type StatusMessage } from './status';

/** The top of a provider's page (its own, or staff's): its name, what just happened, and its standing. */
export function ProviderHeader({
  provider,
  bodyName,
  status,
}: {
  provider: ProviderView;
  bodyName: string;
  status: StatusMessage;
}) {
  return (
    <>
      <div>
        <Title order={1} size="h2">
          {provider.name}
        </Title>
        <Text size="sm" c="dimmed">
          CE provider with {bodyName}
        </Text>
      </div>
      <StatusAlert status={status} />
      <ProviderStanding provider={provider} />
    </>
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
  const status = useStatus();
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
    status.clear();
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
      status.show('Nothing to save: the details are as shown.');
      setEditing(false);
      return;
    }
    setSaving(true);
    try {
      const updated = await updateProvider(bodyId, provider.id, change);
      queryClient.setQueryData(['provider', bodyId, provider.id], updated);
      await invalidateProvider(queryClient, bodyId, provider.id);
      const fields = Object.keys(change).length;
      setEditing(false);
      status.show(`Details saved (${fields} ${fields === 1 ? 'field' : 'fields'} changed).`);
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
        <StatusAlert status={status} />
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
              <ProblemList lines={summary} />
              <CancelOrConfirm label="Save details" busy={saving} onCancel={stopEditing} />
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
