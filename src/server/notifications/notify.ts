import type { NoticeKind } from '../../core/policies/policy-schema';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/database';
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

/**
 * The scheduler's many notices at once: one JSON parameter instead of eight
 * bound parameters a row (a page of thousands would pass PostgreSQL's limit),
 * each still written at most once by key. Returns how many were new.
 */
export async function notifyInBulk(db: DbOrTx, notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = notices.map((n) => ({ ...n, link: n.link ?? null }));
  const written = await rowsOf<{ id: string }>(
    db,
    sql`insert into notifications (body_id, person_id, kind, key, title, body, link, notice_on)
      select "bodyId", "personId", kind, key, title, body, link, "noticeOn"
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(
        "bodyId" text, "personId" uuid, kind text, key text, title text, body text, link text, "noticeOn" date)
      on conflict (body_id, person_id, key) do nothing
      returning id`,
  );
  return written.length;
}
