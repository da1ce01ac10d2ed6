import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unreadQuery } from '../api/notifications';

/** How many of the person's notices are unread, beside "My notices"; nothing when none (or not known yet). */
export function UnreadBadge({ bodyId, personId }: { bodyId: string; personId: string }) {
  const { data: unread } = useQuery(unreadQuery(bodyId, personId));
  if (!unread) return null;
  return (
    <Badge size="sm" color="red" circle={unread < 10} aria-label={`${unread} unread`}>
      {unread > 99 ? '99+' : unread}
    </Badge>
  );
}
