import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import type { Db } from '../../db/database';
import { applications } from '../../db/schema/providers';
import { registryIssues, resumeIssues } from './check-content';
import type { ApplicationDraft } from './content-schema';
import { logApplication } from './save-application';
import { loadApplyingProvider, type ApplicationFileRow, type ApplicationRow } from './load-application';

/** A draft may be incomplete, but what it says must already fit the body's programs and the uploaded files. */
export function checkDraft(registry: PolicyRegistry, bodyId: string, content: ApplicationDraft, files: ApplicationFileRow[]) {
  const issues = [
    ...registryIssues(registry, bodyId, content, 'body.content'),
    ...resumeIssues(content, files, false, 'body.content'),
  ];
  if (issues.length > 0) throw new RecertError('invalid-input', 'the application is invalid', issues);
}

/** Starts a provider's application for pre-approval of an offering, as a draft. */
export async function createApplication(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  providerId: string;
  content: ApplicationDraft;
  actorUserId: string;
  now: Date;
}): Promise<ApplicationRow> {
  const { db, registry, bodyId, providerId, content, actorUserId, now } = options;
  checkDraft(registry, bodyId, content, []);
  return db.transaction(async (tx) => {
    await loadApplyingProvider(tx, bodyId, providerId);
    const [row] = await tx
      .insert(applications)
      .values({ bodyId, providerId, status: 'draft', content, createdBy: actorUserId, createdAt: now, updatedAt: now })
      .returning();
    await logApplication(tx, row!, { actorUserId, action: 'application.created', after: { status: 'draft', content } });
    return row!;
  });
}
