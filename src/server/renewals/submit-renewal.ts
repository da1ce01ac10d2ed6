import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { decideAudit } from '../../core/renewals/audit-draw';
import type { Db } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications } from '../db/schema/people';
import { renewalItems, renewals, type AuditDraw } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import { notify } from '../notifications/notify';
import { applicationsOf, type RenewalRow } from './load-renewal';
import { effectiveDue, evaluatePicked, loadRenewalBasis } from './renewal-basis';
import { invoiceForSubmission } from './renewal-invoices';
import { refuseSubmission, submissionRefusals } from './submission-checks';
import { renewalLink } from './renewal-links';

/**
 * A certificant's application to renew one certification for its current
 * cycle, with the activities they picked and (when the program has a code of
 * ethics) their attestation. Refused before the window opens, after grace,
 * while another application of the cycle is open or approved, without the
 * attestation, or when the picked activities do not meet the requirements.
 * In one transaction: the application and its items (the activities are
 * locked from then on), the invoice, the audit draw, the certification's
 * `renewal_submitted_on` (status in-review), refreshed figures, the notices
 * and the audit log.
 */
export async function submitRenewal(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  certificationId: string;
  activityIds: string[];
  ethicsAttested: boolean;
  actorUserId: string;
  now: Date;
}): Promise<RenewalRow> {
  const { db, registry, bodyId, personId, certificationId, actorUserId, now } = options;
  const on = todayOf(registry, bodyId, now);
  return db.transaction(async (tx) => {
    const basis = await loadRenewalBasis({ db: tx, registry, bodyId, personId, certificationId, on, lock: true });
    const activityIds = [...new Set(options.activityIds)];
    const own = new Set(basis.activities.map((row) => row.id));
    const unknown = activityIds.filter((id) => !own.has(id));
    if (unknown.length > 0) {
      throw new RecertError(
        'invalid-input',
        'the application names activities that are not yours',
        unknown.map((id) => ({ path: 'activityIds', message: `no activity ${id} in your record` })),
      );
    }
    const picked = evaluatePicked(registry, basis, activityIds);
    const applications = await applicationsOf(tx, bodyId, certificationId);
    const { ethics } = basis.policy;
    refuseSubmission(
      submissionRefusals(basis, picked, applications),
      ethics && !options.ethicsAttested
        ? { path: 'ethicsAttested', message: `attest that you subscribe to the ${ethics.title} to renew` }
        : null,
    );
    if (!basis.quote.accepted) throw new Error('unreachable: refused above');
    const { quote, policy, result } = basis;

    const [row] = await tx
      .insert(renewals)
      .values({
        bodyId,
        personId,
        certificationId,
        programId: basis.certification.programId,
        cycleStart: result.cycle.start,
        cycleEnd: result.cycle.end,
        policyVersion: policy.version,
        phase: quote.phase,
        submittedOn: on,
        submittedAt: now,
        submittedBy: actorUserId,
        ethicsAttestation: ethics ? { title: ethics.title, tenets: ethics.tenets, attestedAt: now.toISOString() } : null,
        figures: { required: picked.required, earned: picked.earned, missing: picked.missing, compliant: picked.compliant },
      })
      .returning();
    const renewal = row!;
    const credit = new Map(picked.credits.map((line) => [line.activity, line.credits]));
    if (activityIds.length > 0) {
      await tx.insert(renewalItems).values(
        activityIds.map((activityId) => ({
          bodyId,
          renewalId: renewal.id,
          activityId,
          hundredths: Math.round((credit.get(activityId) ?? 0) * 100),
        })),
      );
      await tx
        .update(activities)
        .set({ lockedAt: now })
        .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, personId), inArray(activities.id, activityIds)));
    }
    const invoice = await invoiceForSubmission(tx, {
      bodyId,
      personId,
      renewalId: renewal.id,
      certificationId,
      cycleStart: renewal.cycleStart,
      currency: quote.currency,
      lines: quote.lines,
      issuedOn: on,
      onTimeThrough: policy.renewal.checkDateCounts ? effectiveDue(basis) : null,
      actorUserId,
    });
    const audit = decideAudit({
      bodyId,
      certificationId,
      cycleStart: renewal.cycleStart,
      share: policy.renewal.auditShare,
      reinstatement: quote.phase === 'grace',
      extendedAndAlwaysAudited: basis.extended && policy.extension?.alwaysAudited === true,
      earlierSeed:
        applications.find((earlier) => earlier.cycleStart === renewal.cycleStart && earlier.auditDraw?.seed)?.auditDraw?.seed ??
        null,
      salt: randomBytes(12).toString('base64url'),
    });
    const { selected, ...draw } = audit;
    const [saved] = await tx
      .update(renewals)
      .set({ invoiceId: invoice.id, auditSelected: selected, auditDraw: draw as AuditDraw })
      .where(and(eq(renewals.bodyId, bodyId), eq(renewals.id, renewal.id)))
      .returning();
    await tx
      .update(certifications)
      .set({ renewalSubmittedOn: on })
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, certificationId)));
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    const link = renewalLink(bodyId, personId, certificationId);
    const designation = policy.designation;
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'renewal-submitted',
        key: `renewal-submitted:${renewal.id}`,
        title: `${designation} renewal application received`,
        body: `Your application to renew ${designation} for the cycle ending ${renewal.cycleEnd} was received on ${on}. Invoice ${invoice.number}.`,
        link,
        noticeOn: on,
      },
      ...(selected
        ? [
            {
              bodyId,
              personId,
              kind: 'audit-selected' as const,
              key: `audit-selected:${renewal.id}`,
              title: `${designation} renewal selected for audit`,
              body:
                audit.rule === 'reinstatement'
                  ? `A reinstatement needs documentation of all CE earned in the cycle: upload evidence for each activity.`
                  : audit.rule === 'extension'
                    ? `A renewal after an extension is always audited: upload evidence for each activity.`
                    : `Your application was drawn for audit: upload evidence (a certificate or confirmation) for each activity.`,
              link,
              noticeOn: on,
            },
          ]
        : []),
    ]);
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'renewal',
      entityId: renewal.id,
      personId,
      action: 'renewal.submitted',
      after: {
        certificationId,
        cycle: { start: renewal.cycleStart, end: renewal.cycleEnd },
        phase: quote.phase,
        activityIds,
        invoice: invoice.number,
        audit: audit,
      },
    });
    return saved!;
  });
}
