import { and, eq } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { recordAudit } from '../../audit/record-audit';
import type { Db } from '../../db/database';
import { applications } from '../../db/schema/providers';
import type { ApplicationDraft } from './content-schema';
import { checkDraft } from './create-application';
import { EDITABLE, listApplicationFiles, loadApplication, requireStatus, type ApplicationRow } from './load-application';

/** Saves the draft's content: while it is a draft, or after the body asked for more information. */
export async function updateApplication(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  providerId: string;
  applicationId: string;
  content: ApplicationDraft;
  actorUserId: string;
  now: Date;
}): Promise<ApplicationRow> {
  const { db, registry, bodyId, providerId, applicationId, content, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, EDITABLE, 'change');
    checkDraft(registry, bodyId, content, await listApplicationFiles(tx, bodyId, applicationId));
    const [row] = await tx
      .update(applications)
      .set({ content, updatedAt: now })
      .where(and(eq(applications.bodyId, bodyId), eq(applications.id, applicationId)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'application',
      entityId: applicationId,
      action: 'application.edited',
      before: { content: before.content },
      after: { content },
    });
    return row!;
  });
}
