import { Alert, Code, Stack, Table, Text } from '@mantine/core';
import { isApiError } from '../api/client';
import { formatNumber } from '../format';
import { rowProblems } from '../people/import-report';
import { ProblemAlert } from './problem-alert';

/**
 * A CSV file the server refused whole (certificants to import, a roster): how many problems in how
 * many rows, what to do (`advice`), and each row and column at fault. Any other failure as a problem.
 */
export function FileRefusal({ error, title, advice }: { error: unknown; title: string; advice: string }) {
  const problems = isApiError(error, 400) ? rowProblems(error) : [];
  if (problems.length === 0) return <ProblemAlert error={error} title={title} />;
  const rows = new Set(problems.flatMap((p) => (p.line === null ? [] : [p.line])));
  return (
    <Stack gap="xs" role="alert">
      <Alert color="red" title={title}>
        {formatNumber(problems.length)} {problems.length === 1 ? 'problem' : 'problems'}
        {rows.size > 0 ? ` in ${formatNumber(rows.size)} ${rows.size === 1 ? 'row' : 'rows'}` : ''}. {advice}
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
