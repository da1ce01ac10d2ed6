import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import type { ApplicationDraft } from './content-schema';
import { checkDraft } from './create-application';
import {
  EDITABLE,
  listApplicationFiles,
  loadApplication,
  requireStatus,
  type ApplicationRow,
  type ApplicationStep,
} from './load-application';
import { saveApplication } from './save-application';

/** Saves the draft's content: while it is a draft, or after the body asked for more information. */
export async function updateApplication(
  options: ApplicationStep & {
    registry: PolicyRegistry;
    content: ApplicationDraft;
  },
): Promise<ApplicationRow> {
  const { db, registry, bodyId, providerId, applicationId, content, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, EDITABLE, 'change');
    checkDraft(registry, bodyId, content, await listApplicationFiles(tx, bodyId, applicationId));
    return saveApplication(
      tx,
      before,
      { content, updatedAt: now },
      { actorUserId, action: 'application.edited', before: { content: before.content }, after: { content } },
    );
  });
}
