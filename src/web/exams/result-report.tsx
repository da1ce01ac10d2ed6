import { Alert, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '../format';

export interface SectionScore {
  key: string;
  label: string;
  correct: number;
  total: number;
  percent: number;
}

/**
 * A graded attempt as the candidate sees it: the score, pass or fail against the pass mark in force
 * on the day, and how each section went. Never which answers were right: only counts per section.
 */
export function ResultReport(props: {
  percent: number;
  passMark: number;
  passed: boolean;
  correct: number;
  total: number;
  answered: number;
  sections: readonly SectionScore[];
}) {
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Text fz={40} fw={700} lh={1} data-testid="exam-score">
          {formatNumber(props.percent)} %
        </Text>
        <Badge size="xl" color={props.passed ? 'green' : 'red'} tt="none">
          {props.passed ? 'Passed' : 'Not passed'}
        </Badge>
      </Group>
      <Text size="sm">
        {formatNumber(props.correct)} of {formatNumber(props.total)} questions correct ({formatNumber(props.answered)} answered);
        the pass mark is {formatNumber(props.passMark)} %.
      </Text>
      {!props.passed && (
        <Alert color="gray" variant="light">
          The report shows how each section went, so you know what to study; the questions and their answers stay confidential.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>Score by section</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Section</Table.Th>
              <Table.Th scope="col" ta="right">
                Correct
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Score
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.sections.map((section) => (
              <Table.Tr key={section.key}>
                <Table.Th scope="row" fw={400}>
                  {section.label}
                  <Progress
                    value={section.percent}
                    color={section.percent >= props.passMark ? 'green' : 'orange'}
                    size="sm"
                    mt={4}
                    aria-hidden
                  />
                </Table.Th>
                <Table.Td ta="right">
                  {formatNumber(section.correct)} of {formatNumber(section.total)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(section.percent)} %</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
