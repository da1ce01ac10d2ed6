import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { dateAt } from '../../../core/dates/today';
import type { DbOrTx } from '../../db/database';
import { attendance, offerings, providers } from '../../db/schema/providers';

const refused = (message: string) =>
  new RecertError('invalid-input', 'the approval code does not hold', [{ path: 'body.approvalCode', message }]);

/**
 * An approval code a certificant entered on their own activity, checked
 * against the body's offerings: the code exists, the activity's date lies in
 * the approval period, and the approval was not withdrawn by then (codes stay
 * good for what was attended before a withdrawal). Returns the code as the
 * body issued it; the activity then counts as approved.
 */
export async function checkApprovalCode(
  db: DbOrTx,
  options: { registry: PolicyRegistry; bodyId: string; code: string; date: string },
): Promise<string> {
  const { registry, bodyId, date } = options;
  const code = options.code.trim().toUpperCase();
  const [offering] = await db
    .select({
      approvalCode: offerings.approvalCode,
      validFrom: offerings.validFrom,
      validUntil: offerings.validUntil,
      withdrawnAt: offerings.withdrawnAt,
    })
    .from(offerings)
    .where(and(eq(offerings.bodyId, bodyId), eq(offerings.approvalCode, code)));
  const body = registry.body(bodyId);
  if (!offering) throw refused(`"${options.code.trim()}" is not an approval code of ${body?.name ?? bodyId}`);
  if (date < offering.validFrom || date > offering.validUntil)
    throw refused(
      `the activity's date ${date} is outside the approval period of ${code}, from ${offering.validFrom} to ${offering.validUntil}`,
    );
  if (offering.withdrawnAt) {
    const withdrawn = dateAt(body?.timeZone ?? 'UTC', offering.withdrawnAt);
    if (date >= withdrawn) throw refused(`the approval of ${code} was withdrawn on ${withdrawn}`);
  }
  return offering.approvalCode;
}

/**
 * The columns an activity entered with an approval code gets once the code is
 * checked: the code as issued, approved, needing no reviewer. None without a code.
 */
export async function approvalFromCode(
  db: DbOrTx,
  options: { registry: PolicyRegistry; bodyId: string; approvalCode: string | null | undefined; date: string },
): Promise<{ approvalCode?: string; approved?: true; review?: 'not-needed' }> {
  const { approvalCode, ...rest } = options;
  if (!approvalCode) return {};
  return { approvalCode: await checkApprovalCode(db, { ...rest, code: approvalCode }), approved: true, review: 'not-needed' };
}

/**
 * Refuses changes to an activity a provider reported: it changes only through
 * the provider's roster, and it and its confirmation are records kept for the
 * body's records period (an admin's purge lifts this).
 */
export async function refuseIfReported(db: DbOrTx, bodyId: string, personId: string, activityId: string): Promise<void> {
  const [reported] = await db
    .select({ approvalCode: offerings.approvalCode, provider: providers.name })
    .from(attendance)
    .innerJoin(offerings, and(eq(offerings.bodyId, attendance.bodyId), eq(offerings.id, attendance.offeringId)))
    .innerJoin(providers, and(eq(providers.bodyId, attendance.bodyId), eq(providers.id, attendance.providerId)))
    .where(and(eq(attendance.bodyId, bodyId), eq(attendance.personId, personId), eq(attendance.activityId, activityId)));
  if (reported)
    throw new RecertError(
      'conflict',
      `${reported.provider} reported this activity for ${reported.approvalCode}: it changes only through the provider's roster, and it and its confirmation are kept as records`,
    );
}
