import { and, eq, sql } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import { applicationFiles, applicationVersions } from '../../db/schema/providers';
import type { FileStorage } from '../../files/file-storage';
import { logApplication } from './save-application';
import { EDITABLE, getApplicationFile, loadApplication, requireStatus, type ApplicationStep } from './load-application';

/**
 * Removes a file from an application the provider may still change. A file
 * a submitted version names stays stored (marked removed), so the versions
 * keep what the body reviewed; any other file is deleted.
 */
export async function removeApplicationFile(
  options: ApplicationStep & {
    storage: FileStorage;
    fileId: string;
  },
): Promise<void> {
  const { db, storage, bodyId, providerId, applicationId, fileId, actorUserId, now } = options;
  const deletedKey = await db.transaction(async (tx) => {
    const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(application, EDITABLE, 'lose files');
    const file = await getApplicationFile(tx, { bodyId, applicationId, fileId });
    if (file.removedAt) throw new RecertError('not-found', 'not found');
    const [named] = await tx
      .select({ version: applicationVersions.version })
      .from(applicationVersions)
      .where(
        and(
          eq(applicationVersions.bodyId, bodyId),
          eq(applicationVersions.applicationId, applicationId),
          sql`${fileId}::uuid = any(${applicationVersions.fileIds})`,
        ),
      )
      .limit(1);
    const where = and(eq(applicationFiles.bodyId, bodyId), eq(applicationFiles.id, fileId));
    if (named) await tx.update(applicationFiles).set({ removedAt: now }).where(where);
    else await tx.delete(applicationFiles).where(where);
    await logApplication(tx, application, {
      actorUserId,
      action: 'application.file-removed',
      before: { fileId, kind: file.kind, filename: file.filename, sha256: file.sha256 },
      after: named ? { keptForVersion: named.version } : null,
    });
    return named ? null : file.storageKey;
  });
  if (deletedKey) await storage.remove(deletedKey);
}
