import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import type { DbOrTx } from '../../db/database';
import { applications, offerings, providers } from '../../db/schema/providers';

export type OfferingRow = typeof offerings.$inferSelect;

export interface ReportedOffering {
  offering: OfferingRow;
  provider: { id: string; name: string; status: string };
  applicationStatus: string;
}

/** An offering of the body with its provider; 404 for one of another body or none. `lock` holds it for this transaction. */
export async function findOffering(db: DbOrTx, bodyId: string, offeringId: string, lock = false): Promise<ReportedOffering> {
  const query = db
    .select({
      offering: offerings,
      provider: { id: providers.id, name: providers.name, status: providers.status },
      applicationStatus: applications.status,
    })
    .from(offerings)
    .innerJoin(providers, and(eq(providers.bodyId, offerings.bodyId), eq(providers.id, offerings.providerId)))
    .innerJoin(applications, and(eq(applications.bodyId, offerings.bodyId), eq(applications.id, offerings.applicationId)))
    .where(and(eq(offerings.bodyId, bodyId), eq(offerings.id, offeringId)));
  const [row] = await (lock ? query.for('update', { of: offerings }) : query);
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/**
 * Attendance is reported only for an offering whose approval stands (not
 * withdrawn, its application approved), by a provider in good standing.
 * Called after authorization, so that only the offering's own provider learns why.
 */
export function checkOpenForReporting({ offering, provider, applicationStatus }: ReportedOffering): void {
  if (provider.status === 'suspended' || provider.status === 'terminated')
    throw new RecertError('forbidden', `the provider is ${provider.status}: it may not report attendance`);
  if (offering.withdrawnAt)
    throw new RecertError(
      'conflict',
      `the approval of ${offering.approvalCode} was withdrawn: attendance can no longer be reported`,
    );
  if (applicationStatus !== 'approved')
    throw new RecertError('conflict', `${offering.approvalCode} is not approved (its application is ${applicationStatus})`);
}
