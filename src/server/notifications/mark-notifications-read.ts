import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { notifications } from '../db/schema/renewals';

/**
 * Marks some of a person's notices (or all) read; those already read keep
 * their first reading time. Ids of other people's notices change nothing.
 * Returns how many were newly marked.
 */
export async function markNotificationsRead(options: {
  db: DbOrTx;
  bodyId: string;
  personId: string;
  which: { ids: string[] } | { all: true };
  now: Date;
}): Promise<number> {
  const { db, bodyId, personId, which } = options;
  const marked = await db
    .update(notifications)
    .set({ readAt: options.now })
    .where(
      and(
        eq(notifications.bodyId, bodyId),
        eq(notifications.personId, personId),
        isNull(notifications.readAt),
        'ids' in which ? inArray(notifications.id, which.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return marked.length;
}
