import { and, asc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { RecertError } from '../../core/errors';
import type { Db, DbOrTx } from '../db/database';
import { evidenceFiles } from '../db/schema/activities';
import { recordAudit } from '../audit/record-audit';
import type { FileStorage } from '../files/file-storage';
import { loadUnlocked } from './change-activity';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** What evidence may be: certificates and agendas as PDF or pictures. Checked from the bytes, never the name. */
export const EVIDENCE_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
]);

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** A readable file name for downloads: no path, no control or quote characters. */
function cleanName(name: string, extension: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/[^\w .()-]/g, '_')
      .slice(0, 120) || 'evidence';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

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
  if (bytes.length === 0) throw new RecertError('invalid-input', 'the file is empty', [{ path: 'file', message: 'is empty' }]);
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new RecertError('payload-too-large', 'evidence files are at most 10 MB');
  const detected = await fileTypeFromBuffer(bytes);
  const extension = detected && EVIDENCE_TYPES.get(detected.mime);
  if (!detected || !extension) {
    throw new RecertError(
      'unsupported-media-type',
      `evidence must be a PDF, PNG or JPEG file; this one is ${detected ? detected.mime : 'not one of them'} (judged by its content, not its name)`,
    );
  }
  const id = randomUUID();
  const storageKey = `${bodyId}/${personId}/${id}.${extension}`;
  await storage.put(storageKey, bytes);
  try {
    return await db.transaction(async (tx) => {
      await loadUnlocked(tx, bodyId, personId, activityId);
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          bodyId,
          id,
          personId,
          activityId,
          filename: cleanName(options.filename, extension),
          mediaType: detected.mime,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
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
