import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Notice, StaffMember } from '../api/providers';
import { formatDateTime, formatDay } from '../format';
import { NOTICE_COLORS, NOTICE_LABELS, staffName } from '../providers/notices';

/** A provider's notices, newest first; each may carry more below it (an appeal, for a termination). */
export function NoticeList(props: {
  notices: readonly Notice[];
  /** For staff: who wrote each notice. */
  staff?: readonly StaffMember[];
  empty: string;
  extra?: (notice: Notice) => ReactNode;
}) {
  const { notices, staff } = props;
  if (notices.length === 0) return <Text size="sm">{props.empty}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notices">
      {notices.map((notice) => (
        <Card
          key={notice.id}
          component="li"
          withBorder
          padding="sm"
          aria-labelledby={`notice-${notice.id}`}
          style={{ borderLeft: `6px solid var(--mantine-color-${NOTICE_COLORS[notice.kind]}-6)` }}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" align="flex-start">
              <Title order={3} size="h6" id={`notice-${notice.id}`}>
                <Badge color={NOTICE_COLORS[notice.kind]} variant="light" tt="none" mr="xs">
                  {NOTICE_LABELS[notice.kind]}
                </Badge>
                {formatDateTime(notice.at)}
              </Title>
              {notice.by !== null && (
                <Text size="xs" c="dimmed">
                  by {staffName(staff, notice.by)}
                </Text>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {notice.text}
            </Text>
            {notice.appealBy && (
              <Text size="sm" c="dimmed">
                May be appealed until {formatDay(notice.appealBy)}.
              </Text>
            )}
            {props.extra?.(notice)}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
