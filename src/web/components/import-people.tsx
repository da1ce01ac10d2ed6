import { Alert, Anchor, Button, Card, Code, Group, Input, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError, type ApiError } from '../api/client';
import { importPeople, type ImportReport } from '../api/queries';
import { formatNumber } from '../format';
import { COLUMNS, MAX_BYTES, rowProblems, TEMPLATE } from '../people/import-report';
import { ProblemAlert } from './problem-alert';

function Refusal({ error }: { error: ApiError }) {
  const problems = rowProblems(error);
  if (problems.length === 0) return <ProblemAlert error={error} title="The import was refused: nothing was imported" />;
  const rows = new Set(problems.flatMap((p) => (p.line === null ? [] : [p.line])));
  return (
    <Stack gap="xs" role="alert">
      <Alert color="red" title="The import was refused: nothing was imported">
        {formatNumber(problems.length)} {problems.length === 1 ? 'problem' : 'problems'}
        {rows.size > 0 ? ` in ${formatNumber(rows.size)} ${rows.size === 1 ? 'row' : 'rows'}` : ''}. Correct the file and import
        it again: the rows already in the body are left unchanged.
      </Alert>
      <Table.ScrollContainer minWidth={300}>
        <Table striped verticalSpacing="xs" fz="sm" withTableBorder>
          <Table.Caption>Problems by row of the file (the header is row 1)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem, index) => (
              <Table.Tr key={index}>
                <Table.Td>
                  {problem.line ?? 'file'}
                  {problem.number ? (
                    <Text span size="xs" c="dimmed" display="block">
                      number {problem.number}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{problem.column ? <Code>{problem.column}</Code> : ''}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

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

  const refused = isApiError(failure, 400) ? failure : null;

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
          {refused ? <Refusal error={refused} /> : failure !== null && <ProblemAlert error={failure} title="The import failed" />}
        </Stack>
      </form>
    </Card>
  );
}
