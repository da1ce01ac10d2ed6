import { randomUUID } from 'node:crypto';
import { applicationFiles } from '../../db/schema/providers';
import type { FileStorage } from '../../files/file-storage';
import { checkDocument, safeFilename } from '../../files/uploads';
import type { ApplicationFileKind } from './content-schema';
import { logApplication } from './save-application';
import { EDITABLE, loadApplication, requireStatus, type ApplicationFileRow, type ApplicationStep } from './load-application';

/** Attaches a resume, syllabus, agenda or other document to an application the provider may still change. */
export async function addApplicationFile(
  options: ApplicationStep & {
    storage: FileStorage;
    kind: ApplicationFileKind;
    filename: string;
    bytes: Buffer;
  },
): Promise<ApplicationFileRow> {
  const { db, storage, bodyId, providerId, applicationId, kind, bytes, actorUserId, now } = options;
  const checked = await checkDocument(bytes, 'application');
  const id = randomUUID();
  const storageKey = `${bodyId}/applications/${applicationId}/${id}.${checked.extension}`;
  await storage.put(storageKey, bytes);
  try {
    return await db.transaction(async (tx) => {
      const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
      requireStatus(application, EDITABLE, 'take files');
      const [row] = await tx
        .insert(applicationFiles)
        .values({
          bodyId,
          id,
          applicationId,
          kind,
          filename: safeFilename(options.filename, checked.extension, kind),
          mediaType: checked.mediaType,
          size: checked.size,
          sha256: checked.sha256,
          storageKey,
          uploadedBy: actorUserId,
          createdAt: now,
        })
        .returning();
      await logApplication(tx, application, {
        actorUserId,
        action: 'application.file-added',
        after: { fileId: id, kind, filename: row!.filename, size: row!.size, sha256: row!.sha256 },
      });
      return row!;
    });
  } catch (error) {
    // Nothing half-written: a file whose row was not stored is removed again.
    await storage.remove(storageKey);
    throw error;
  }
}
