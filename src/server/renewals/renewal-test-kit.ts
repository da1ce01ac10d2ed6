import { and, eq } from 'drizzle-orm';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { PolicyStore } from '../bodies/policy-store';
import type { Db, DbOrTx } from '../db/database';
import { evidenceFiles } from '../db/schema/activities';
import { invoices } from '../db/schema/renewals';
import { buildActivities, buildCertificant } from '../testing/factories';
import { certificationOf } from './renewal-test-queries';

/** Helpers of the renewal tests (real rows through the shared factories; no test doubles). */

/** An instant on that date in the afternoon UTC: the same date in New York and in UTC. */
export const at = (date: string) => new Date(`${date}T16:00:00Z`);

export const registryOf = (db: Db): Promise<PolicyRegistry> => new PolicyStore(db).current();

/**
 * A NAMSS CPCS certificant in the cycle 2019-12-02 to 2022-12-01 (window opens
 * 2022-08-01, due 2022-12-01, late to 2022-12-31, grace to 2023-06-01) with
 * 16 approved credits and 14 others: exactly the 30 required, 15 approved.
 */
export async function namssRenewer(db: Db, options: { approvedHours?: number; otherHours?: number } = {}) {
  const certificant = await buildCertificant(db, {
    bodyId: 'namss',
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
  });
  const personId = certificant.person.id;
  const done = await buildActivities(db, [
    { bodyId: 'namss', personId, type: 'webinar', startDate: '2021-03-01', hours: options.approvedHours ?? 16, approved: true },
    { bodyId: 'namss', personId, type: 'conference', startDate: '2021-05-01', hours: options.otherHours ?? 14 },
  ]);
  return { ...certificant, personId, activities: done, certification: await certificationOf(db, personId) };
}

/**
 * A TechServe CPSR I certificant awarded 2021-04-01 (cycle to 2024-03-31),
 * with 24 hours of which `legalHours` on legal issues.
 */
export async function techserveRenewer(db: Db, options: { legalHours?: number; email?: string } = {}) {
  const certificant = await buildCertificant(db, {
    bodyId: 'techserve',
    email: options.email,
    holds: [{ programId: 'techserve/cpsr-1', awarded: '2021-04-01' }],
  });
  const personId = certificant.person.id;
  const legal = options.legalHours ?? 6;
  const done = await buildActivities(db, [
    { bodyId: 'techserve', personId, type: 'annual-conference', startDate: '2022-05-01', hours: 16 },
    ...(legal < 8
      ? [{ bodyId: 'techserve', personId, type: 'training-program', startDate: '2023-02-01', hours: 8 - legal }]
      : []),
    ...(legal > 0
      ? [
          {
            bodyId: 'techserve',
            personId,
            type: 'training-program',
            startDate: '2023-03-01',
            hours: legal,
            categories: ['legal'],
          },
        ]
      : []),
  ]);
  return { ...certificant, personId, activities: done, certification: await certificationOf(db, personId) };
}

/** An evidence file's row for an activity (its bytes do not matter to a renewal decision). */
export async function addEvidenceRow(db: DbOrTx, bodyId: string, personId: string, activityId: string) {
  await db.insert(evidenceFiles).values({
    bodyId,
    personId,
    activityId,
    filename: 'certificate.pdf',
    mediaType: 'application/pdf',
    size: 100,
    sha256: '0'.repeat(64),
    storageKey: `${bodyId}/${personId}/${activityId}.pdf`,
  });
}

/** Marks an invoice paid, as recording its payment does when the balance reaches zero. */
export async function markPaid(db: DbOrTx, bodyId: string, invoiceId: string, paidOn: string) {
  await db
    .update(invoices)
    .set({ paidOn })
    .where(and(eq(invoices.bodyId, bodyId), eq(invoices.id, invoiceId)));
}
