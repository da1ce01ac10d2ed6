import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Appeal } from '../api/providers';
import { formatDateTime } from '../format';
import { APPEAL_STATUS_COLORS, APPEAL_STATUS_LABELS, tally } from '../providers/notices';

/** An appeal's state in plain words: filed when, the committee's votes so far, the final decision. */
export function AppealStatus({ appeal, withGrounds = true }: { appeal: Appeal; withGrounds?: boolean }) {
  const count = tally(appeal);
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Badge
          color={APPEAL_STATUS_COLORS[appeal.status]}
          variant="light"
          tt="none"
          size="lg"
          style={{ whiteSpace: 'normal', height: 'auto', paddingBlock: 4 }}
        >
          {APPEAL_STATUS_LABELS[appeal.status]}
        </Badge>
      </Group>
      <Text size="sm">
        Appeal filed on {formatDateTime(appeal.filedAt)}
        {appeal.decidedAt ? `; decided on ${formatDateTime(appeal.decidedAt)}. The decision is final.` : '.'}
      </Text>
      {appeal.status === 'open' && (
        <Text size="sm">
          {count.members === 0
            ? 'The Review and Appeals Committee has not been named yet.'
            : `The Review and Appeals Committee has ${count.members} ${count.members === 1 ? 'member' : 'members'}; ${count.majority} matching ${count.majority === 1 ? 'vote decides' : 'votes decide'}. Votes so far: ${count.uphold} to uphold, ${count.overturn} to overturn, ${count.pending} to come.`}
        </Text>
      )}
      {appeal.status !== 'open' && count.members > 0 && (
        <Text size="sm">
          Votes: {count.uphold} to uphold, {count.overturn} to overturn
          {count.pending > 0 ? `, ${count.pending} not cast` : ''}.
        </Text>
      )}
      {withGrounds && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            Grounds:{' '}
          </Text>
          {appeal.grounds}
        </Text>
      )}
    </Stack>
  );
}
