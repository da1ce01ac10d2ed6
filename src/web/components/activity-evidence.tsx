import { Alert, Anchor, Button, Group, Input, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  evidenceQuery,
  evidenceUrl,
  removeEvidence,
  uploadEvidence,
  type ActivityView,
  type Evidence,
} from '../api/queries';
import { formatBytes, formatDay } from '../format';
import { ProblemAlert } from './problem-alert';

/**
 * An activity's evidence files: each one to download and, for whoever may change the activity
 * (not once a submitted renewal has locked it), an upload and a way to remove them.
 */
export function ActivityEvidence(props: { bodyId: string; personId: string; activity: ActivityView; canChange: boolean }) {
  const { bodyId, personId, activity } = props;
  const mayChange = props.canChange && !activity.locked;
  const queryClient = useQueryClient();
  const evidence = useQuery(evidenceQuery(bodyId, personId, activity.id));
  const [status, setStatus] = useState('');
  const [tooLarge, setTooLarge] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const descriptionId = useId();
  const errorId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: evidenceQuery(bodyId, personId, activity.id).queryKey });

  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidence(bodyId, personId, activity.id, file),
    onSuccess: async (added) => {
      await refresh();
      if (fileInput.current) fileInput.current.value = '';
      setStatus(`Uploaded "${added.filename}".`);
    },
  });

  const remove = useMutation({
    mutationFn: (item: Evidence) => removeEvidence(bodyId, personId, item.id),
    onSuccess: async (_data, item) => {
      await refresh();
      setStatus(`Removed "${item.filename}".`);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    upload.reset();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setTooLarge('Choose a file first.');
      fileInput.current?.focus();
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      setTooLarge(`"${file.name}" is ${formatBytes(file.size)}; evidence files are at most 10 MB.`);
      fileInput.current?.focus();
      return;
    }
    setTooLarge('');
    upload.mutate(file);
  }

  const items = evidence.data ?? [];

  return (
    <Stack gap="md">
      <div role="status" aria-live="polite">
        {status && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
            {status}
          </Alert>
        )}
      </div>

      {evidence.error ? (
        <ProblemAlert error={evidence.error} title="The evidence could not be loaded" />
      ) : !evidence.data ? (
        <Skeleton height={48} aria-busy="true" aria-label="Loading evidence" />
      ) : items.length === 0 ? (
        <Text size="sm">No evidence attached yet.</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Evidence files">
          {items.map((item) => (
            <li key={item.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
                <div style={{ minWidth: 0 }}>
                  {/* A plain link: the browser downloads the file with the session cookie, under the server's file name. */}
                  <Anchor href={evidenceUrl(bodyId, personId, item.id)} download size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.filename}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatBytes(item.size)} · uploaded {formatDay(item.uploadedAt.slice(0, 10))}
                  </Text>
                </div>
                {mayChange && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(item)}
                    loading={remove.isPending && remove.variables?.id === item.id}
                    aria-label={`Remove "${item.filename}"`}
                  >
                    Remove
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {remove.error && <ProblemAlert error={remove.error} title="The file was not removed" />}

      {mayChange ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Input.Wrapper
              id={inputId}
              label="Evidence file"
              description="PDF, PNG or JPEG, at most 10 MB."
              error={tooLarge || undefined}
              descriptionProps={{ id: descriptionId }}
              errorProps={{ id: errorId }}
            >
              <input
                ref={fileInput}
                id={inputId}
                type="file"
                name="file"
                accept={EVIDENCE_ACCEPT}
                aria-describedby={tooLarge ? `${descriptionId} ${errorId}` : descriptionId}
                aria-invalid={tooLarge ? true : undefined}
                onChange={() => {
                  setTooLarge('');
                  upload.reset();
                }}
                style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
              />
            </Input.Wrapper>
            {upload.error && <ProblemAlert error={upload.error} title="The file was not uploaded" />}
            <Group>
              <Button type="submit" size="sm" loading={upload.isPending}>
                Upload evidence
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        activity.locked &&
        props.canChange && (
          <Text size="sm" c="dimmed">
            A submitted renewal uses this activity: its evidence can no longer change.
          </Text>
        )
      )}
    </Stack>
  );
}
