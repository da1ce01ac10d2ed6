import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Db } from '../../db/database';
import { applications } from '../../db/schema/providers';
import { loadApplication, requireStatus, UNDECIDED, type ApplicationRow } from './load-application';

/** The provider withdraws its application before a decision; it then stays on record, closed. */
export async function withdrawApplication(options: {
  db: Db;
  bodyId: string;
  providerId: string;
  applicationId: string;
  reason: string | null;
  actorUserId: string;
  now: Date;
}): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, UNDECIDED, 'be withdrawn');
    const [row] = await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(and(eq(applications.bodyId, bodyId), eq(applications.id, applicationId)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'application',
      entityId: applicationId,
      action: 'application.withdrawn',
      before: { status: before.status },
      after: { status: 'withdrawn' },
      reason,
    });
    return row!;
  });
}
