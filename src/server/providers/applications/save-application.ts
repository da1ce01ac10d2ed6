import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { DbOrTx } from '../../db/database';
import { applications } from '../../db/schema/providers';
import type { ApplicationRow } from './load-application';

export interface ApplicationLogEntry {
  actorUserId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Logs a step of an application (entity `application`, no person), in the transaction of the step. */
export function logApplication(tx: DbOrTx, application: { bodyId: string; id: string }, entry: ApplicationLogEntry) {
  return recordAudit(tx, { bodyId: application.bodyId, entity: 'application', entityId: application.id, ...entry });
}

/** Changes an application's row and logs the step, in the caller's transaction. */
export async function saveApplication(
  tx: DbOrTx,
  application: ApplicationRow,
  set: Partial<typeof applications.$inferInsert>,
  entry: ApplicationLogEntry,
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set(set)
    .where(and(eq(applications.bodyId, application.bodyId), eq(applications.id, application.id)))
    .returning();
  await logApplication(tx, application, entry);
  return row!;
}
