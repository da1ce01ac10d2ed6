import { Alert, Badge, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CertificationResult } from '../../core/compliance/evaluate-types';
import type { ActivityView } from '../api/queries';
import { amount, capitalize, countdown, daysBetween, formatDay, formatNumber, words } from '../format';
import { STATUS_BADGES } from './status-badges';

type DeadlineKey = keyof CertificationResult['deadlines'];

const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  opens: 'Renewal application opens',
  due: 'Renewal due',
  extensionRequestBy: 'Last day to request an extension',
  lateUntil: 'Late renewal (with late fee) until',
  extendedDue: 'Due date with an extension',
  graceUntil: 'Reinstatement possible until',
};

function percent(earned: number, required: number): number {
  if (required <= 0) return 100;
  return Math.min(100, Math.round((earned / required) * 100));
}

function RequirementBar(props: { label: string; earned: number; required: number; unit: CertificationResult['unit'] }) {
  const { label, earned, required, unit } = props;
  const value = percent(earned, required);
  const met = earned >= required;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c={met ? 'green.8' : undefined}>
          {formatNumber(earned)} of {amount(required, unit)}
          {met ? ' (met)' : ''}
        </Text>
      </Group>
      <Progress value={value} color={met ? 'green' : 'teal'} aria-label={`${label}: ${value}% of the requirement`} mt={4} />
    </div>
  );
}

function Deadlines({ deadlines, asOf }: { deadlines: CertificationResult['deadlines']; asOf: string }) {
  const entries = (Object.keys(DEADLINE_LABELS) as DeadlineKey[])
    .flatMap((key) => {
      const date = deadlines[key];
      return date ? [{ key, date, days: daysBetween(asOf, date) }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return (
    <List spacing={6} listStyleType="none" ml={0} pl={0}>
      {entries.map(({ key, date, days }) => (
        <List.Item key={key}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" span>
              {DEADLINE_LABELS[key]}: <strong>{formatDay(date)}</strong>
            </Text>
            {days !== null && (
              <Badge variant="light" color={days < 0 ? 'gray' : days <= 30 ? 'orange' : 'blue'} tt="none">
                {countdown(days)}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function paceText(result: CertificationResult, asOf: string): string {
  const { pace, unit } = result;
  const basis = pace.basis === 'recommended-per-year' ? 'at the recommended yearly rate' : 'spread evenly over the cycle';
  const standing = pace.onTrack ? 'on pace' : `${amount(pace.behindBy, unit)} behind`;
  return `Earned so far: ${amount(pace.earned, unit)}, ${standing}. Someone earning credit ${basis} would have ${amount(pace.expected, unit)} by ${formatDay(asOf)}.`;
}

function CreditsTable({ result, activities }: { result: CertificationResult; activities: ReadonlyMap<string, ActivityView> }) {
  if (result.credits.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No activity recorded yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Caption>Credit per activity toward {result.designation}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Activity</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col" ta="right">
              Claimed
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Counted
            </Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.credits.map((line) => {
            const activity = activities.get(line.activity);
            const toward = line.countsToward.map(words).join(', ');
            return (
              <Table.Tr key={line.activity}>
                <Table.Td>{activity?.title ?? line.activity}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {activity ? formatDay(activity.endDate ?? activity.startDate) : ''}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(line.claimed)}</Table.Td>
                <Table.Td ta="right" fw={line.credits < line.claimed ? 700 : undefined}>
                  {formatNumber(line.credits)}
                </Table.Td>
                <Table.Td>
                  {line.explanation
                    ? capitalize(line.explanation)
                    : line.credits > 0
                      ? `Counts in full${toward ? `, also toward the ${toward} minimum` : ''}`
                      : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Where a person stands on one certification: cycle, requirements, pace, deadlines, missing credit and credit per activity. */
export function CertificationCard(props: {
  result: CertificationResult;
  asOf: string;
  activities: ReadonlyMap<string, ActivityView>;
}) {
  const { result, asOf, activities } = props;
  const status = STATUS_BADGES[result.status];
  const headingId = `certification-${result.program.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <Card withBorder shadow="xs" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {result.designation}
            </Title>
            <Text size="sm" c="dimmed">
              Cycle {result.cycle.index}: {formatDay(result.cycle.start)} to {formatDay(result.cycle.end)}
            </Text>
          </div>
          <Group gap="xs">
            <Badge color={status.color} size="lg">
              {status.label}
            </Badge>
            <Badge color={result.compliant ? 'green' : 'yellow'} variant="light" size="lg">
              {result.compliant ? 'Requirements met' : 'Requirements not yet met'}
            </Badge>
          </Group>
        </Group>

        {result.sharedWith.length > 0 && (
          <Text size="sm">Shares its credit with {result.sharedWith.join(', ')}: the combined requirement applies.</Text>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Title order={3} size="h5">
              Requirements
            </Title>
            <RequirementBar label="Total" earned={result.earned.total} required={result.required.total} unit={result.unit} />
            {Object.entries(result.required.minimums).map(([key, required]) => (
              <RequirementBar
                key={key}
                label={`${capitalize(words(key))} (minimum)`}
                earned={result.earned.minimums[key] ?? 0}
                required={required}
                unit={result.unit}
              />
            ))}
            <div>
              <Text size="sm" fw={500}>
                Still needed
              </Text>
              {result.missing.length > 0 ? (
                <List size="sm">
                  {result.missing.map((phrase) => (
                    <List.Item key={phrase}>{phrase}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">Nothing: every requirement of this cycle is met.</Text>
              )}
            </div>
            <div>
              <Text size="sm" fw={500}>
                Pace{' '}
                <Badge variant="light" color={result.pace.onTrack ? 'green' : 'orange'} tt="none">
                  {result.pace.onTrack ? 'on pace' : `behind by ${formatNumber(result.pace.behindBy)}`}
                </Badge>
              </Text>
              <Text size="sm">{paceText(result, asOf)}</Text>
            </div>
          </Stack>
          <Stack gap="sm">
            <Title order={3} size="h5">
              Deadlines
            </Title>
            <Deadlines deadlines={result.deadlines} asOf={asOf} />
          </Stack>
        </SimpleGrid>

        <Stack gap="xs">
          <Title order={3} size="h5">
            Credit per activity
          </Title>
          <CreditsTable result={result} activities={activities} />
        </Stack>

        {result.notes.length > 0 && (
          <Alert color="yellow" title="Caveat: some rules are not confirmed yet" variant="light">
            <List size="sm">
              {result.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
