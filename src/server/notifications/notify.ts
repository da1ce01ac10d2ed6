import type { NoticeKind } from '../../core/policies/policy-schema';
import type { DbOrTx } from '../db/database';
import { notifications } from '../db/schema/renewals';

export interface Notice {
  bodyId: string;
  personId: string;
  kind: NoticeKind;
  /** Makes the notice happen once: the same key for the same person is never written twice. */
  key: string;
  title: string;
  body: string;
  link?: string | null;
  /** The date the notice is for, in the body's time zone. */
  noticeOn: string;
}

/**
 * Puts notices in people's inboxes, each at most once (by key); call it in
 * the transaction of the change it tells about. E-mail goes out afterwards
 * (notifications/send-notice-emails), so a rolled-back change sends nothing.
 * Returns how many were new.
 */
export async function notify(db: DbOrTx, notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const written = await db
    .insert(notifications)
    .values(notices.map((notice) => ({ ...notice, link: notice.link ?? null })))
    .onConflictDoNothing({ target: [notifications.bodyId, notifications.personId, notifications.key] })
    .returning({ id: notifications.id });
  return written.length;
}
