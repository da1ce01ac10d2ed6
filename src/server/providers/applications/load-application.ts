import { and, asc, eq } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import type { Body } from '../../../core/policies/body-schema';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import type { Db, DbOrTx } from '../../db/database';
import { applicationFiles, applications, providers, type ApplicationStatus } from '../../db/schema/providers';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationFileRow = typeof applicationFiles.$inferSelect;

/** The provider may change the content and files only while it is theirs to change. */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'info-requested'];
/** Before a decision: the provider may still withdraw. */
export const UNDECIDED: readonly ApplicationStatus[] = ['draft', 'submitted', 'info-requested'];

/** What every step on one application takes, whoever takes it. */
export interface ApplicationStep {
  db: Db;
  bodyId: string;
  providerId: string;
  applicationId: string;
  actorUserId: string;
  now: Date;
}

export function bodyOf(registry: PolicyRegistry, bodyId: string): Body {
  const body = registry.body(bodyId);
  if (!body) throw new RecertError('not-found', 'not found');
  return body;
}

/** One application of one provider (404 for another provider's, as if it did not exist); `lock` for a change. */
export async function loadApplication(
  tx: DbOrTx,
  target: { bodyId: string; providerId: string; applicationId: string },
  lock = false,
): Promise<ApplicationRow> {
  const query = tx
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.bodyId, target.bodyId),
        eq(applications.providerId, target.providerId),
        eq(applications.id, target.applicationId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/** Refuses a step the application's status does not allow (409), saying why. */
export function requireStatus(row: ApplicationRow, allowed: readonly ApplicationStatus[], step: string): void {
  if (allowed.includes(row.status)) return;
  const why: Record<ApplicationStatus, string> = {
    draft: 'it is a draft that was never submitted',
    submitted: 'it is submitted and frozen (it can change again only if more information is asked for)',
    'info-requested': 'it waits for the more information asked for',
    approved: 'it was approved',
    rejected: 'it was rejected',
    withdrawn: 'it was withdrawn',
  };
  throw new RecertError('conflict', `this application cannot ${step}: ${why[row.status]}`);
}

/** A provider that may apply: registered in this body and neither suspended nor terminated. */
export async function loadApplyingProvider(tx: DbOrTx, bodyId: string, providerId: string) {
  const [provider] = await tx
    .select()
    .from(providers)
    .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
  if (!provider) throw new RecertError('not-found', 'not found');
  if (provider.status === 'suspended' || provider.status === 'terminated')
    throw new RecertError('conflict', `a ${provider.status} provider cannot apply for pre-approval`);
  return provider;
}

export async function getApplicationFile(
  db: DbOrTx,
  target: { bodyId: string; applicationId: string; fileId: string },
): Promise<ApplicationFileRow> {
  const [row] = await db
    .select()
    .from(applicationFiles)
    .where(
      and(
        eq(applicationFiles.bodyId, target.bodyId),
        eq(applicationFiles.applicationId, target.applicationId),
        eq(applicationFiles.id, target.fileId),
      ),
    );
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/** Every file of an application, removed ones too (a submitted version may name them), oldest first. */
export function listApplicationFiles(db: DbOrTx, bodyId: string, applicationId: string): Promise<ApplicationFileRow[]> {
  return db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.bodyId, bodyId), eq(applicationFiles.applicationId, applicationId)))
    .orderBy(asc(applicationFiles.createdAt), asc(applicationFiles.id));
}
