import type { notifications } from '../db/schema/renewals';
import type { NotificationView } from './notification-schemas';

export function presentNotification(row: typeof notifications.$inferSelect): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    noticeOn: row.noticeOn,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    emailedAt: row.emailedAt?.toISOString() ?? null,
    emailSkipped: row.emailSkipped,
  };
}
