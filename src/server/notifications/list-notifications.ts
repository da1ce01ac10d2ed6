import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { notifications } from '../db/schema/renewals';
import type { InboxView } from './notification-schemas';
import { presentNotification } from './present-notification';

/** A person's inbox, newest first (by the date each notice is for) (a page at a time), with how many are unread. */
export async function listNotifications(options: {
  db: DbOrTx;
  bodyId: string;
  personId: string;
  unreadOnly: boolean;
  limit: number;
  before?: string;
}): Promise<InboxView> {
  const { db, bodyId, personId } = options;
  const mine = and(eq(notifications.bodyId, bodyId), eq(notifications.personId, personId));
  const filters: (SQL | undefined)[] = [mine];
  if (options.unreadOnly) filters.push(isNull(notifications.readAt));
  if (options.before) {
    const [cursor] = await db
      .select({ noticeOn: notifications.noticeOn, createdAt: notifications.createdAt, id: notifications.id })
      .from(notifications)
      .where(and(mine, eq(notifications.id, options.before)));
    if (!cursor)
      throw new RecertError('invalid-input', 'bad cursor', [{ path: 'query.before', message: 'is not a notice of this inbox' }]);
    filters.push(
      sql`(${notifications.noticeOn}, ${notifications.createdAt}, ${notifications.id}) < (${cursor.noticeOn}::date, ${cursor.createdAt}, ${cursor.id}::uuid)`,
    );
  }
  const [rows, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(...filters))
      .orderBy(desc(notifications.noticeOn), desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit),
    countUnread(db, bodyId, personId),
  ]);
  return { notifications: rows.map(presentNotification), unread, courtesy: COURTESY_NOTE };
}

export async function countUnread(db: DbOrTx, bodyId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.bodyId, bodyId), eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
