import { Badge, Box, Button, Card, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { auditQuery, personQuery, type AuditEntryView } from '../api/queries';
import { actionLabel, canonicalJson, diffRecords, formatAuditValue } from '../audit/audit-diff';
import { AUDIT_KINDS, isAuditKind } from '../audit/audit-kinds';
import { AnchorLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime, formatNumber } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { isAdminIn } from '../session';
import { QueryState } from '../components/query-state';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/audit');

const KIND_COLORS: Record<string, string> = { added: 'green', removed: 'red', changed: 'blue' };

function Diff({ entry }: { entry: AuditEntryView }) {
  const lines = diffRecords(entry.before, entry.after);
  // "set" and "emptied" mean something only when a record is compared with itself, not when it is added or removed.
  const compared = entry.before !== null && entry.before !== undefined && entry.after !== null && entry.after !== undefined;
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field changed.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table verticalSpacing={4} fz="sm" withTableBorder layout="fixed" captionSide="top">
        <Table.Caption>Changed fields</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="28%">
              Field
            </Table.Th>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.key}>
              <Table.Th scope="row" fw={500}>
                {line.label}
                {compared && line.kind !== 'changed' && (
                  <Badge ml={6} size="xs" variant="light" color={KIND_COLORS[line.kind]} tt="none">
                    {line.kind === 'added' ? 'set' : 'emptied'}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }} c={line.kind === 'added' ? 'dimmed' : undefined}>
                {formatAuditValue(line.before)}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }} c={line.kind === 'removed' ? 'dimmed' : undefined}>
                {formatAuditValue(line.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EntryCard({ entry, myId }: { entry: AuditEntryView; myId: string }) {
  const headingId = `audit-${entry.id}`;
  const who =
    entry.actorUserId === null
      ? 'the system'
      : entry.actorUserId === myId
        ? `${entry.actorName ?? 'you'} (you)`
        : (entry.actorName ?? 'a removed user');
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h5" id={headingId}>
              {actionLabel(entry.action)}
            </Title>
            <Text size="sm">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · by {who}
            </Text>
          </div>
          <Code>{entry.action}</Code>
        </Group>
        {entry.reason && (
          <Text size="sm">
            <strong>Reason:</strong> {entry.reason}
          </Text>
        )}
        <Diff entry={entry} />
        <details>
          <summary>
            <Text span size="sm">
              Full before and after (JSON)
            </Text>
          </summary>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
            {(['before', 'after'] as const).map((side) => (
              <div key={side}>
                <Text size="xs" fw={600} tt="capitalize">
                  {side}
                </Text>
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {canonicalJson(entry[side], 2)}
                </Code>
              </div>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            Entry {entry.id} · {entry.entity} {entry.entityId}
          </Text>
        </details>
      </Stack>
    </Card>
  );
}

/** An admin reads every recorded change concerning one person, newest first. */
export function AuditPage() {
  const { bodyId, personId } = route.useParams();
  const { action } = route.useSearch();
  const navigate = useNavigate();
  const { me } = useSession();
  const admin = isAdminIn(me, bodyId);
  const person = useQuery({ ...personQuery(bodyId, personId), enabled: admin });
  const log = useInfiniteQuery({ ...auditQuery(bodyId, personId, action ?? null), enabled: admin });

  if (!admin) return <StaffOnly title="Audit log" admins />;

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const name = person.data?.legalName;

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId }} size="sm">
          Back to {name ?? 'the dashboard'}
        </AnchorLink>
        <Title order={1} size="h2">
          Audit log{name ? `: ${name}` : ''}
        </Title>
        <Text size="sm" c="dimmed">
          {person.data ? `Certificant number ${person.data.number}. ` : ''}Every recorded change concerning this person, newest
          first. The log cannot be changed.
        </Text>
      </div>

      <NativeSelect
        label="Show"
        value={action ?? ''}
        data={[{ value: '', label: 'All changes' }, ...AUDIT_KINDS]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          void navigate({ to: '.', search: isAuditKind(value) ? { action: value } : {}, replace: true });
        }}
        maw={320}
      />

      {person.error && <ProblemAlert error={person.error} title="The person could not be loaded" />}
      <QueryState query={log} what="the audit log" height={120} count={2} />
      {log.data && (
        <>
          <Text fw={500} role="status" aria-live="polite">
            {entries.length === 0
              ? 'No recorded change.'
              : `${formatNumber(entries.length)} ${entries.length === 1 ? 'change' : 'changes'} shown${log.hasNextPage ? '; older ones follow' : ''}.`}
          </Text>
          {entries.length > 0 && (
            <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Recorded changes">
              {entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} myId={me.user.id} />
              ))}
            </Stack>
          )}
          {log.hasNextPage && (
            <Box>
              <Button variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Show older changes
              </Button>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}
