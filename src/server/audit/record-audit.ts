import type { DbOrTx } from '../db/database';
import { auditLog } from '../db/schema/audit';

export interface AuditEntry {
  bodyId: string;
  actorUserId: string | null;
  entity: string;
  entityId: string;
  personId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends one state change to the audit log; call it in the same transaction as the change. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    bodyId: entry.bodyId,
    actorUserId: entry.actorUserId,
    entity: entry.entity,
    entityId: entry.entityId,
    personId: entry.personId ?? null,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}
