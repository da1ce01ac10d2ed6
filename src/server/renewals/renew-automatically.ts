import { and, eq, inArray, isNull } from 'drizzle-orm';
import { currentCycle } from '../../core/compliance/cycles';
import { formatDate, requireDate } from '../../core/dates/calendar-date';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { syncCredentials } from '../credentials/sync-credentials';
import type { Db } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications, people } from '../db/schema/people';
import { renewalItems, renewals } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';
import { reevaluatePeople } from '../compliance/reevaluate';
import { notify } from '../notifications/notify';
import { effectiveDue, loadRenewalBasis } from './renewal-basis';
import { invoiceForSubmission } from './renewal-invoices';
import { renewalLink } from './renewal-links';

/**
 * Programs without a renewal window (TechServe) renew at the cycle end when
 * the requirements are met: for each certification of such a program whose
 * cycle ended on or before `asOf`, the engine judges the cycle on its due
 * date (or on `asOf`, if earlier) over every activity recorded; when it is
 * compliant, an approved automatic renewal is written (decided by no one) and
 * the certification is renewed through the cycle end. Idempotent and
 * replayable for any date: a cycle with any application (open, approved, or
 * an automatic one staff returned) is never renewed by this again, and a
 * replay far ahead renews cycle after cycle while each is met. Certifications
 * on hold or with an application awaiting staff are left to staff.
 * The scheduler calls it before re-evaluating the body.
 */
export async function renewAutomatically(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  asOf: string;
  now?: Date;
}): Promise<{ renewed: number }> {
  const { db, registry, bodyId, asOf } = options;
  const programs = registry.list().filter((policy) => policy.body === bodyId && policy.renewal.opens === null);
  if (programs.length === 0) return { renewed: 0 };
  const asOfDay = requireDate(asOf);
  const held = await db
    .select({
      id: certifications.id,
      personId: certifications.personId,
      programId: certifications.programId,
      awarded: certifications.awarded,
      renewedThrough: certifications.renewedThrough,
    })
    .from(certifications)
    .innerJoin(people, and(eq(people.bodyId, certifications.bodyId), eq(people.id, certifications.personId)))
    .where(
      and(
        eq(certifications.bodyId, bodyId),
        inArray(
          certifications.programId,
          programs.map((policy) => policy.id),
        ),
        isNull(certifications.hold),
        isNull(certifications.renewalSubmittedOn),
        isNull(people.mergedInto),
      ),
    );
  let renewed = 0;
  for (const row of held) {
    const policy = registry.require(row.programId);
    let renewedThrough = row.renewedThrough;
    // Cycle after cycle, while each ended by asOf and was met (a replay far ahead).
    for (;;) {
      const cycle = currentCycle(policy.cycle, requireDate(row.awarded), renewedThrough ? requireDate(renewedThrough) : null);
      if (cycle.end > asOfDay) break;
      const next = await renewOne(options, row, formatDate(cycle.end));
      if (next === null) break;
      renewed++;
      renewedThrough = next;
    }
  }
  return { renewed };
}

/** Renews one certification's cycle ending on `cycleEnd` if it is met and has no application; the new renewed-through or null. */
async function renewOne(
  options: { db: Db; registry: PolicyRegistry; bodyId: string; asOf: string; now?: Date },
  row: { id: string; personId: string },
  cycleEnd: string,
): Promise<string | null> {
  const { db, registry, bodyId, asOf } = options;
  const now = options.now ?? new Date();
  const personId = row.personId;
  return db.transaction(async (tx) => {
    const probe = await loadRenewalBasis({ db: tx, registry, bodyId, personId, certificationId: row.id, on: asOf, lock: true });
    const { certification } = probe;
    if (probe.result.cycle.end !== cycleEnd || certification.hold || certification.renewalSubmittedOn) return null;
    // Judged on the due date: what was recorded for the cycle by then (or by asOf when the due date is later).
    const due = effectiveDue(probe);
    const on = due < asOf ? due : asOf;
    const basis =
      on === asOf ? probe : await loadRenewalBasis({ db: tx, registry, bodyId, personId, certificationId: row.id, on });
    const { result, policy, quote } = basis;
    if (!result.compliant || !quote.accepted) return null;
    const [existing] = await tx
      .select({ id: renewals.id })
      .from(renewals)
      .where(and(eq(renewals.bodyId, bodyId), eq(renewals.certificationId, row.id), eq(renewals.cycleStart, result.cycle.start)))
      .limit(1);
    if (existing) return null;
    const [renewal] = await tx
      .insert(renewals)
      .values({
        bodyId,
        personId,
        certificationId: row.id,
        programId: certification.programId,
        cycleStart: result.cycle.start,
        cycleEnd,
        policyVersion: policy.version,
        state: 'approved',
        phase: quote.phase,
        submittedOn: on,
        submittedAt: now,
        automatic: true,
        figures: { required: result.required, earned: result.earned, missing: result.missing, compliant: result.compliant },
        decidedAt: now,
        renewedThrough: cycleEnd,
      })
      .returning();
    const credited = result.credits.filter((line) => line.credits > 0);
    if (credited.length > 0) {
      await tx.insert(renewalItems).values(
        credited.map((line) => ({
          bodyId,
          renewalId: renewal!.id,
          activityId: line.activity,
          hundredths: Math.round(line.credits * 100),
        })),
      );
      await tx
        .update(activities)
        .set({ lockedAt: now })
        .where(
          and(
            eq(activities.bodyId, bodyId),
            eq(activities.personId, personId),
            inArray(
              activities.id,
              credited.map((line) => line.activity),
            ),
          ),
        );
    }
    // A program that charges for renewal still invoices it; nothing to pay raises nothing.
    const invoice =
      quote.totalCents > 0
        ? await invoiceForSubmission(tx, {
            bodyId,
            personId,
            renewalId: renewal!.id,
            certificationId: row.id,
            cycleStart: result.cycle.start,
            currency: quote.currency,
            lines: quote.lines,
            issuedOn: on,
            onTimeThrough: policy.renewal.checkDateCounts ? due : null,
            actorUserId: null,
          })
        : null;
    if (invoice) {
      await tx
        .update(renewals)
        .set({ invoiceId: invoice.id })
        .where(and(eq(renewals.bodyId, bodyId), eq(renewals.id, renewal!.id)));
    }
    await tx
      .update(certifications)
      .set({ renewedThrough: cycleEnd, extendedTo: null })
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, row.id)));
    await reevaluatePeople({ db: tx, registry, bodyId, personIds: [personId], asOf });
    // The new cycle's credential, superseding the last one, with the renewal itself.
    await syncCredentials({ tx, registry, bodyId, certificationIds: [row.id], on: asOf, now });
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'renewal-approved',
        key: `renewal-approved:${renewal!.id}`,
        title: `${policy.designation} renewed`,
        body: `Your ${policy.designation} certification met its requirements and is renewed through ${cycleEnd}; your next cycle has started.`,
        link: renewalLink(bodyId, personId, row.id),
        noticeOn: asOf,
      },
    ]);
    await recordAudit(tx, {
      bodyId,
      actorUserId: null,
      entity: 'renewal',
      entityId: renewal!.id,
      personId,
      action: 'renewal.automatic',
      before: { renewedThrough: certification.renewedThrough },
      after: { renewedThrough: cycleEnd, earned: result.earned, judgedOn: on },
    });
    return cycleEnd;
  });
}
