import { and, eq, inArray } from 'drizzle-orm';
import { RecertError, type FieldIssue } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { lockHeldCertification, notHeld } from '../certificants/lock-held-certification';
import { recordAudit } from '../audit/record-audit';
import { raiseInvoice } from '../billing/raise-invoice';
import { getProgress, todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db } from '../db/database';
import { extensions } from '../db/schema/renewals';
import { notify } from '../notifications/notify';
import { formatCents } from './format-cents';
import { activitiesWithCertificate, extensionRefusal, neededHundredths } from './extension-terms';
import type { ExtensionRow } from './load-extension';

/**
 * A certificant (or an admin for them) asks to move a cycle's due date to the
 * policy's extended due date. Refused when the program offers none, after
 * the cut-off instant (NAMSS: 17:00 New York time on December 1), when one is
 * already open or granted for the cycle, and unless the picked activities each
 * carry a certificate and together at least the policy's share of the
 * requirement. Raises the invoice for the fee; staff decide once it is paid.
 */
export async function requestExtension(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  program: string;
  activityIds: string[];
  note: string | null;
  actorUserId: string;
  now: Date;
}): Promise<ExtensionRow> {
  const { db, registry, bodyId, personId, program, note, actorUserId, now } = options;
  const policy = registry.list().find((p) => p.id === program && p.body === bodyId);
  if (!policy) throw notHeld();
  const timeZone = registry.body(bodyId)?.timeZone ?? 'UTC';
  const today = todayOf(registry, bodyId, now);
  return db.transaction(async (tx) => {
    // The certification's row is the lock: two requests for one cycle wait for each other.
    const held = await lockHeldCertification(tx, { bodyId, personId, program });
    const progress = await getProgress({ db: tx, registry, bodyId, personId, now });
    const result = progress.result.certifications[progress.held.findIndex((h) => h.program === program)]!;
    const refusal = extensionRefusal({ policy, result, held, timeZone, now });
    if (refusal) throw new RecertError('conflict', refusal);
    const [open] = await tx
      .select()
      .from(extensions)
      .where(
        and(
          eq(extensions.bodyId, bodyId),
          eq(extensions.certificationId, held.id),
          eq(extensions.cycleStart, result.cycle.start),
          inArray(extensions.state, ['requested', 'granted']),
        ),
      );
    if (open) throw new RecertError('conflict', `an extension for this cycle was already ${open.state}`);

    const activityIds = [...new Set(options.activityIds)];
    const evidenced = await evidencedCredit(tx, { bodyId, personId, activityIds, progress, result });
    const needed = neededHundredths(policy, result)!;
    if (evidenced < needed) {
      const more = (needed - evidenced) / 100;
      throw new RecertError('invalid-input', 'the certificates do not cover enough credit', [
        {
          path: 'body.activityIds',
          message: `the certificates cover ${evidenced / 100} ${result.unit.many}; at least ${needed / 100} are needed (${more} more)`,
        },
      ]);
    }
    const newDue = result.deadlines.extendedDue!;
    const [row] = await tx
      .insert(extensions)
      .values({
        bodyId,
        personId,
        certificationId: held.id,
        cycleStart: result.cycle.start,
        cycleEnd: result.cycle.end,
        requestedAt: now,
        requestedBy: actorUserId,
        activityIds,
        evidencedHundredths: evidenced,
        reason: note,
        newDue,
      })
      .returning();
    const fee = policy.fees.extension ?? 0;
    const invoice = await raiseInvoice(tx, {
      bodyId,
      personId,
      subject: 'extension',
      subjectId: row!.id,
      currency: policy.fees.currency,
      lines: [{ code: 'extension', label: `Extension of the ${policy.designation} renewal to ${newDue}`, cents: fee }],
      issuedOn: today,
      onTimeThrough: null,
      actorUserId,
    });
    const [saved] = await tx
      .update(extensions)
      .set({ invoiceId: invoice.id })
      .where(and(eq(extensions.bodyId, bodyId), eq(extensions.id, row!.id)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'extension',
      entityId: row!.id,
      personId,
      action: 'extension.requested',
      after: {
        program,
        cycle: result.cycle,
        activityIds,
        evidencedCredits: evidenced / 100,
        neededCredits: needed / 100,
        newDue,
        invoice: invoice.number,
      },
      reason: note,
    });
    // The queue reads the credit needed from the stored figures of the cycle.
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    const payment =
      invoice.paidOn === null
        ? ` The fee of ${formatCents(fee, policy.fees.currency)} is on invoice ${invoice.number}; staff decide once it is paid.`
        : '';
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'extension-requested',
        key: `extension-requested:${row!.id}`,
        title: `${policy.designation}: extension requested`,
        body: `We received your request to extend the ${policy.designation} renewal due ${result.deadlines.due} to ${newDue}.${payment} Extended renewals are always audited.`,
        link: `/bodies/${bodyId}/people/${personId}/extensions`,
        noticeOn: today,
      },
    ]);
    return saved!;
  });
}

/** The credit the picked activities carry in the cycle, in hundredths; each must be the person's, earn credit and carry a certificate. */
async function evidencedCredit(
  tx: Parameters<typeof activitiesWithCertificate>[0],
  options: {
    bodyId: string;
    personId: string;
    activityIds: string[];
    progress: Awaited<ReturnType<typeof getProgress>>;
    result: Awaited<ReturnType<typeof getProgress>>['result']['certifications'][number];
  },
): Promise<number> {
  const { bodyId, personId, activityIds, progress, result } = options;
  const withCertificate = await activitiesWithCertificate(tx, bodyId, personId, activityIds);
  const rows = new Map(progress.activities.map((row) => [row.id, row]));
  const lines = new Map(result.credits.map((line) => [line.activity, line]));
  const issues: FieldIssue[] = [];
  let total = 0;
  activityIds.forEach((id, index) => {
    const path = `body.activityIds[${index}]`;
    const row = rows.get(id);
    const line = lines.get(id);
    if (!row) issues.push({ path, message: "is not one of this person's activities" });
    else if (!line || line.credits <= 0)
      issues.push({
        path,
        message: `"${row.title}" earns no credit in this cycle${line?.explanation ? `: ${line.explanation}` : ''}`,
      });
    else if (!withCertificate.has(id)) issues.push({ path, message: `"${row.title}" has no certificate: upload it first` });
    else total += Math.round(line.credits * 100);
  });
  if (issues.length > 0)
    throw new RecertError('invalid-input', 'each activity needs a certificate and credit in this cycle', issues);
  return total;
}
