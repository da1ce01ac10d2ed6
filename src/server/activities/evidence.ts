import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { RecertError } from '../../core/errors';
import type { Db, DbOrTx } from '../db/database';
import { evidenceFiles } from '../db/schema/activities';
import { recordAudit } from '../audit/record-audit';
import type { FileStorage } from '../files/file-storage';
import { checkDocument, safeFilename } from '../files/uploads';
import { refuseIfReported } from '../providers/attendance/approval-code';
import { loadForUpdate, loadUnlocked } from './change-activity';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** Stores a file as evidence for an activity: at most 10 MB, PDF, PNG or JPEG by its content, with its SHA-256. */
export async function addEvidence(options: {
  db: Db;
  storage: FileStorage;
  bodyId: string;
  personId: string;
  activityId: string;
  filename: string;
  bytes: Buffer;
  actorUserId: string;
}): Promise<EvidenceRow> {
  const { db, storage, bodyId, personId, activityId, bytes, actorUserId } = options;
  const checked = await checkDocument(bytes, 'evidence');
  const id = randomUUID();
  const storageKey = `${bodyId}/${personId}/${id}.${checked.extension}`;
  await storage.put(storageKey, bytes);
  try {
    return await db.transaction(async (tx) => {
      // Proof may be added to an activity a submitted renewal locked (an audit asks for it); removing it may not.
      await loadForUpdate(tx, bodyId, personId, activityId);
      await refuseIfReported(tx, bodyId, personId, activityId);
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          bodyId,
          id,
          personId,
          activityId,
          filename: safeFilename(options.filename, checked.extension, 'evidence'),
          mediaType: checked.mediaType,
          size: checked.size,
          sha256: checked.sha256,
          storageKey,
          uploadedBy: actorUserId,
        })
        .returning();
      await recordAudit(tx, {
        bodyId,
        actorUserId,
        entity: 'evidence',
        entityId: id,
        personId,
        action: 'evidence.added',
        after: { activityId, filename: row!.filename, size: row!.size, sha256: row!.sha256 },
      });
      return row!;
    });
  } catch (error) {
    // Nothing half-written: a file whose row was not stored is removed again.
    await storage.remove(storageKey);
    throw error;
  }
}

export function listEvidence(db: DbOrTx, bodyId: string, personId: string, activityId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.bodyId, bodyId), eq(evidenceFiles.personId, personId), eq(evidenceFiles.activityId, activityId)))
    .orderBy(asc(evidenceFiles.createdAt));
}

export async function getEvidence(db: DbOrTx, bodyId: string, personId: string, evidenceId: string): Promise<EvidenceRow> {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.bodyId, bodyId), eq(evidenceFiles.personId, personId), eq(evidenceFiles.id, evidenceId)));
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/** Removes evidence while its activity can still change; the audit log keeps its checksum. */
export async function removeEvidence(options: {
  db: Db;
  storage: FileStorage;
  bodyId: string;
  personId: string;
  evidenceId: string;
  actorUserId: string;
}) {
  const { db, storage, bodyId, personId, evidenceId, actorUserId } = options;
  const row = await db.transaction(async (tx) => {
    const found = await getEvidence(tx, bodyId, personId, evidenceId);
    await loadUnlocked(tx, bodyId, personId, found.activityId);
    await tx.delete(evidenceFiles).where(and(eq(evidenceFiles.bodyId, bodyId), eq(evidenceFiles.id, evidenceId)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'evidence',
      entityId: evidenceId,
      personId,
      action: 'evidence.removed',
      before: { activityId: found.activityId, filename: found.filename, sha256: found.sha256 },
    });
    return found;
  });
  await storage.remove(row.storageKey);
}
