import { Alert, Anchor, Button, Card, Code, Group, Input, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { importPeople, type ImportReport } from '../api/queries';
import { formatNumber } from '../format';
import { COLUMNS, MAX_BYTES, TEMPLATE } from '../people/import-report';
import { FileRefusal } from './file-refusal';

/** An admin imports existing certificants with their history: all or nothing, with a row-by-row report. */
export function ImportPeople({ bodyId }: { bodyId: string }) {
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    setFailure(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Choose a CSV file');
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError('The file is larger than 10 MB: split it in several files');
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setImporting(true);
    try {
      const text = await file.text();
      if (text.trim() === '') {
        setFileError('The file is empty');
        fileRef.current?.focus();
        return;
      }
      setReport(await importPeople(bodyId, text));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people', bodyId] }),
        queryClient.invalidateQueries({ queryKey: ['overview', bodyId] }),
      ]);
    } catch (error) {
      setFailure(error);
    } finally {
      setImporting(false);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="import-heading">
            Import certificants from CSV
          </Title>
          <Text size="sm">
            One row per certification held; rows with the same certificant number are one person. Several e-mail addresses are
            separated by semicolons; <Code>member</Code> is yes or no; dates are YYYY-MM-DD. All or nothing: if any row is
            refused, nothing is imported. Importing the same file again changes nothing. The first row names the columns:
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {COLUMNS.join(',')}
          </Code>
          <Anchor
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
            download="recert-import-template.csv"
            size="sm"
          >
            Download a template
          </Anchor>
          <Input.Wrapper id="import-file" label="CSV file" description="A .csv file of at most 10 MB" error={fileError} required>
            <input
              ref={fileRef}
              id="import-file"
              name="file"
              required
              type="file"
              accept=".csv,text/csv"
              className="file-input"
              aria-describedby={fileError ? 'import-file-description import-file-error' : 'import-file-description'}
              aria-invalid={fileError ? true : undefined}
              onChange={() => {
                setFileError(undefined);
                setReport(null);
                setFailure(null);
              }}
            />
          </Input.Wrapper>
          <Group>
            <Button type="submit" loading={importing}>
              Import CSV
            </Button>
          </Group>
          <div role="status" aria-live="polite">
            {report && (
              <Alert color="green" variant="light" title="Imported">
                {formatNumber(report.rows)} {report.rows === 1 ? 'row' : 'rows'} read: {formatNumber(report.added)}{' '}
                {report.added === 1 ? 'certificant' : 'certificants'} added, {formatNumber(report.unchanged)} already there and
                unchanged.
              </Alert>
            )}
          </div>
          {failure !== null && (
            <FileRefusal
              error={failure}
              title={isApiError(failure, 400) ? 'The import was refused: nothing was imported' : 'The import failed'}
              advice="Correct the file and import it again: the rows already in the body are left unchanged."
            />
          )}
        </Stack>
      </form>
    </Card>
  );
}
