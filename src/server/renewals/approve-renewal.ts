import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db } from '../db/database';
import { certifications } from '../db/schema/people';
import { renewals } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import { notify } from '../notifications/notify';
import { loadItems, type RenewalRow } from './load-renewal';
import { cycleInvoices, paidOn } from './renewal-invoices';
import { renewalLink } from './renewal-links';
import { judgeActivities, lockApplication } from './renewal-steps';

/**
 * Staff approve a paid application: when it is audited, only once every
 * activity's evidence was accepted, and in any case only when the credit
 * (the accepted activities, for an audit) meets the requirements. The
 * certification is renewed through the cycle end, so the next cycle starts and
 * its status is active again; the pending submission and any extension of the
 * finished cycle are cleared.
 */
export async function approveRenewal(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  renewalId: string;
  actorUserId: string;
  now: Date;
}): Promise<RenewalRow> {
  const { db, registry, bodyId, personId, renewalId, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const renewal = await lockApplication(tx, { bodyId, personId, renewalId });
    if (renewal.state !== 'submitted') throw new RecertError('conflict', `this application was already ${renewal.state}`);
    if (paidOn(await cycleInvoices(tx, renewal)) === null) {
      throw new RecertError('conflict', 'the application is not paid yet: staff decide once its invoice is paid');
    }
    const items = await loadItems(tx, renewal);
    if (renewal.auditSelected) {
      const pending = items.filter((item) => item.decision === 'pending');
      if (pending.length > 0) {
        throw new RecertError(
          'conflict',
          `the application is audited: the evidence of every activity must be decided first (${pending.length} not decided)`,
        );
      }
    }
    // An audit's rejected evidence earns nothing: what is approved is what the accepted activities meet.
    const counted = renewal.auditSelected ? items.filter((item) => item.decision === 'accepted') : items;
    const [held] = await tx
      .select({ hold: certifications.hold })
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, renewal.certificationId)));
    if (held?.hold)
      throw new RecertError('conflict', `the certification is ${held.hold}: it cannot be renewed while the decision stands`);
    const judged = await judgeActivities(
      tx,
      registry,
      renewal,
      counted.map((item) => item.activityId),
    );
    if (!judged.compliant) {
      throw new RecertError('conflict', `the requirements are not met: ${judged.missing.join('; ')}`);
    }
    const [saved] = await tx
      .update(renewals)
      .set({ state: 'approved', decidedBy: actorUserId, decidedAt: now, renewedThrough: renewal.cycleEnd })
      .where(and(eq(renewals.bodyId, bodyId), eq(renewals.id, renewal.id)))
      .returning();
    await tx
      .update(certifications)
      .set({ renewedThrough: renewal.cycleEnd, renewalSubmittedOn: null, extendedTo: null })
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, renewal.certificationId)));
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    const designation = registry.require(renewal.programId).designation;
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'renewal-approved',
        key: `renewal-approved:${renewal.id}`,
        title: `${designation} renewed`,
        body: `Your ${designation} certification is renewed through ${renewal.cycleEnd}; your next cycle has started.`,
        link: renewalLink(bodyId, personId, renewal.certificationId),
        noticeOn: todayOf(registry, bodyId, now),
      },
    ]);
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'renewal',
      entityId: renewal.id,
      personId,
      action: 'renewal.approved',
      before: { state: renewal.state },
      after: { state: 'approved', renewedThrough: renewal.cycleEnd, earned: judged.earned },
    });
    return saved!;
  });
}
