import { and, eq, notExists } from 'drizzle-orm';
import { formatDate, requireDate, type DayNumber } from '../../core/dates/calendar-date';
import { PolicyStore } from '../bodies/policy-store';
import { syncCredentials } from '../credentials/sync-credentials';
import type { Db } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { certifications } from '../db/schema/people';
import type { DemoSignIn } from './demo-sign-in';

/** How long before a cycle's end the demo's renewals were approved: their credentials are issued then. */
const APPROVED_DAYS_BEFORE_END = 30;

/**
 * The credentials the demo's certifications would have if Recert had issued
 * them all along: for each certification made by the factories (no use case
 * issued its credential), one at the award, one at each recorded renewal
 * (superseding the last), then every certification brought in step on today,
 * so the demo shows each state: active, superseded by a renewal, suspended
 * (Drew's ethics decision), revoked after expiry (Riley). Each is issued by
 * syncCredentials, dated when it would have been.
 */
export async function seedCredentialDemo(db: Db, today: DayNumber): Promise<DemoSignIn[]> {
  const registry = await new PolicyStore(db).current();
  const noon = (date: string) => new Date(`${date}T16:00:00Z`);
  for (const body of registry.bodies()) {
    const never = await db
      .select({ id: certifications.id, awarded: certifications.awarded, renewedThrough: certifications.renewedThrough })
      .from(certifications)
      .where(
        and(
          eq(certifications.bodyId, body.id),
          notExists(
            db
              .select({ id: credentials.id })
              .from(credentials)
              .where(and(eq(credentials.bodyId, body.id), eq(credentials.certificationId, certifications.id))),
          ),
        ),
      );
    const sync = (id: string, on: string) =>
      syncCredentials({ tx: db, registry, bodyId: body.id, certificationIds: [id], on, now: noon(on) });
    const setRenewedThrough = (id: string, renewedThrough: string | null) =>
      db
        .update(certifications)
        .set({ renewedThrough })
        .where(and(eq(certifications.bodyId, body.id), eq(certifications.id, id)));
    for (const row of never) {
      const approved = row.renewedThrough ? formatDate(requireDate(row.renewedThrough) - APPROVED_DAYS_BEFORE_END) : null;
      if (!approved || approved <= row.awarded) {
        await sync(row.id, row.awarded);
        continue;
      }
      // The award's credential as it was before any renewal, then the renewal's (in this transaction, ending as stored).
      await setRenewedThrough(row.id, null);
      await sync(row.id, row.awarded);
      await setRenewedThrough(row.id, row.renewedThrough);
      await sync(row.id, approved);
    }
    const all = await db.select({ id: certifications.id }).from(certifications).where(eq(certifications.bodyId, body.id));
    await syncCredentials({
      tx: db,
      registry,
      bodyId: body.id,
      certificationIds: all.map((row) => row.id),
      on: formatDate(today),
      now: noon(formatDate(today)),
    });
  }
  return [];
}
