import { Button, Group, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import {
  removeApplicationFile,
  uploadApplicationFile,
  type ApplicationFileKind,
  type ApplicationView,
} from '../api/applications';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../api/queries';
import { formatBytes } from '../format';
import { FILE_KIND_LABELS, FileLink } from './application-content';
import { ProblemAlert } from './problem-alert';
import { SectionCard } from './section-card';
import { StatusText } from './status';

const FILE_KINDS: readonly ApplicationFileKind[] = ['resume', 'syllabus', 'agenda', 'other'];

/** A file the server would refuse for its size, before sending it. */
export const tooLarge = (file: File) =>
  file.size > EVIDENCE_MAX_BYTES ? `${file.name} is ${formatBytes(file.size)}: at most 10 MB` : null;

/** The documents of an application: resumes, syllabus, agenda and others, uploaded and removed while it can change. */
export function ApplicationDocuments(props: { bodyId: string; application: ApplicationView; onChanged: () => Promise<void> }) {
  const { bodyId, application } = props;
  const { providerId, id } = application;
  const [kind, setKind] = useState<ApplicationFileKind>('syllabus');
  const [fileError, setFileError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const files = application.files.filter((file) => !file.removed);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    const file = input.current?.files?.[0];
    const refused = file ? tooLarge(file) : 'Choose a file';
    setFileError(refused ?? undefined);
    if (refused || !file) {
      input.current?.focus();
      return;
    }
    setBusy('upload');
    try {
      const added = await uploadApplicationFile(bodyId, providerId, id, kind, file);
      if (input.current) input.current.value = '';
      await props.onChanged();
      setStatus(`${FILE_KIND_LABELS[added.kind]} ${added.filename} was attached.`);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  }

  async function remove(fileId: string, filename: string) {
    setProblem(null);
    setStatus('');
    setBusy(fileId);
    try {
      await removeApplicationFile(bodyId, providerId, id, fileId);
      await props.onChanged();
      setStatus(`${filename} was removed.`);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <SectionCard id="documents" title="Documents">
      <Text size="sm" c="dimmed">
        Instructors&apos; resumes, the syllabus, the agenda and anything else the committee should read. PDF, PNG or JPEG, at most
        10 MB each. A submitted version keeps the documents it named.
      </Text>
      <StatusText message={status} />
      {problem !== null && <ProblemAlert error={problem} title="The documents were not changed" />}
      {files.length === 0 ? (
        <Text size="sm">No document yet.</Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Attached documents">
          {files.map((file) => (
            <Group component="li" key={file.id} gap="xs" wrap="wrap" justify="space-between">
              <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                <Text size="sm">{FILE_KIND_LABELS[file.kind]}:</Text>
                <FileLink bodyId={bodyId} providerId={providerId} applicationId={id} file={file} />
                <Text size="xs" c="dimmed">
                  {formatBytes(file.size)}
                </Text>
              </Group>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={busy === file.id}
                onClick={() => void remove(file.id, file.filename)}
                aria-label={`Remove ${file.filename}`}
              >
                Remove
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <form onSubmit={(event) => void upload(event)} noValidate aria-label="Attach a document">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label="Kind of document"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ApplicationFileKind)}
            data={FILE_KINDS.map((value) => ({ value, label: FILE_KIND_LABELS[value] }))}
            style={{ flex: '0 1 12rem' }}
          />
          <Input.Wrapper id="document-file" label="File" error={fileError} style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <input
              ref={input}
              id="document-file"
              className="file-input"
              type="file"
              accept={EVIDENCE_ACCEPT}
              aria-invalid={fileError ? true : undefined}
              onChange={() => setFileError(undefined)}
            />
          </Input.Wrapper>
          <Button type="submit" variant="light" loading={busy === 'upload'}>
            Attach document
          </Button>
        </Group>
      </form>
    </SectionCard>
  );
}
