import { and, eq } from 'drizzle-orm';
import { formatDate, requireDate } from '../../core/dates/calendar-date';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db, Tx } from '../db/database';
import { certifications } from '../db/schema/people';
import { renewals } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import { notify } from '../notifications/notify';
import { loadItems, type RenewalRow } from './load-renewal';
import { renewalLink } from './renewal-links';
import { lockApplication, unlockActivities } from './renewal-steps';

/**
 * Staff return an application with their reasons: the certification leaves
 * in-review (the calendar decides its status again), its activities may
 * change again, and the person may submit anew. An automatic renewal (a
 * program without a window) that was approved by itself can be returned as
 * long as it is the certification's latest: the cycle is renewed no longer.
 */
export async function returnRenewal(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  renewalId: string;
  reasons: string[];
  actorUserId: string;
  now: Date;
}): Promise<RenewalRow> {
  const { db, bodyId, personId, renewalId } = options;
  return db.transaction(async (tx) => {
    const renewal = await lockApplication(tx, { bodyId, personId, renewalId });
    return returnLocked(tx, { ...options, renewal });
  });
}

/** The return itself, for an application already locked in this transaction (also used when an audit falls short). */
export async function returnLocked(
  tx: Tx,
  options: { registry: PolicyRegistry; renewal: RenewalRow; reasons: string[]; actorUserId: string | null; now: Date },
): Promise<RenewalRow> {
  const { registry, renewal, reasons, actorUserId, now } = options;
  const { bodyId, personId, certificationId } = renewal;
  const [certification] = await tx
    .select()
    .from(certifications)
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, certificationId)));
  const automaticUndo = renewal.state === 'approved' && renewal.automatic;
  if (renewal.state !== 'submitted' && !automaticUndo) {
    throw new RecertError('conflict', `this application was already ${renewal.state}`);
  }
  if (automaticUndo && certification!.renewedThrough !== renewal.cycleEnd) {
    throw new RecertError('conflict', 'a later cycle was renewed since: only the latest automatic renewal can be returned');
  }
  if (automaticUndo && certification!.renewalSubmittedOn !== null) {
    throw new RecertError(
      'conflict',
      `an application for the next cycle was submitted on ${certification!.renewalSubmittedOn}: decide it before returning this renewal`,
    );
  }
  if (reasons.length === 0)
    throw new RecertError('invalid-input', 'give at least one reason', [{ path: 'reasons', message: 'required' }]);
  const [saved] = await tx
    .update(renewals)
    .set({ state: 'returned', decidedBy: actorUserId, decidedAt: now, decisionReasons: reasons, renewedThrough: null })
    .where(and(eq(renewals.bodyId, bodyId), eq(renewals.id, renewal.id)))
    .returning();
  await tx
    .update(certifications)
    .set(
      automaticUndo
        ? // Back to where it stood before: the day before the cycle began, or never renewed when it began at the award.
          {
            renewedThrough:
              renewal.cycleStart === certification!.awarded ? null : formatDate(requireDate(renewal.cycleStart) - 1),
          }
        : { renewalSubmittedOn: null },
    )
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, certificationId)));
  const items = await loadItems(tx, renewal);
  await unlockActivities(
    tx,
    renewal,
    items.map((item) => item.activityId),
  );
  await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
  const on = todayOf(registry, bodyId, now);
  const designation = registry.require(renewal.programId).designation;
  await notify(tx, [
    {
      bodyId,
      personId,
      kind: 'renewal-returned',
      key: `renewal-returned:${renewal.id}`,
      title: `${designation} renewal application returned`,
      body: `Your application to renew ${designation} for the cycle ending ${renewal.cycleEnd} was returned: ${reasons.join('; ')}. You may submit it again.`,
      link: renewalLink(bodyId, personId, certificationId),
      noticeOn: on,
    },
  ]);
  await recordAudit(tx, {
    bodyId,
    actorUserId,
    entity: 'renewal',
    entityId: renewal.id,
    personId,
    action: automaticUndo ? 'renewal.automatic-returned' : 'renewal.returned',
    before: { state: renewal.state, renewedThrough: certification!.renewedThrough },
    after: { state: 'returned' },
    reason: reasons.join('; '),
  });
  return saved!;
}
