import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db, Tx } from '../db/database';
import { certifications } from '../db/schema/people';
import { extensions, invoices } from '../db/schema/renewals';
import { lockInvoiceLedger } from '../billing/invoice-ledger';
import { settleIfPaid } from '../billing/settle-invoice';
import { creditLinesByRule } from '../billing/credit-lines';
import { notify } from '../notifications/notify';
import { loadExtension, type ExtensionRow } from './load-extension';

/**
 * Staff grant or refuse a requested extension. A grant needs the fee paid
 * (the invoice's paidOn set) and moves the cycle's due date to the extension's
 * new due date, so the engine shows `extended` after the original due date
 * instead of `late`; the person's stored figures are refreshed in the same
 * transaction. A refusal gives its reason. Either is final and notified.
 */
export async function decideExtension(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  extensionId: string;
  decision: 'grant' | 'refuse';
  reason: string | null;
  actorUserId: string;
  now: Date;
}): Promise<ExtensionRow> {
  const { db, registry, bodyId, extensionId, decision, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadExtension(tx, bodyId, extensionId, true);
    if (before.state !== 'requested') throw new RecertError('conflict', `this extension was already ${before.state}`);
    const [held] = await tx
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, before.certificationId)))
      .for('update');
    if (!held) throw new RecertError('not-found', 'not found');
    const policy = registry.require(held.programId);
    if (decision === 'grant') {
      const [invoice] = before.invoiceId
        ? await tx
            .select()
            .from(invoices)
            .where(and(eq(invoices.bodyId, bodyId), eq(invoices.id, before.invoiceId)))
        : [];
      if (invoice && invoice.paidOn === null) {
        throw new RecertError(
          'conflict',
          `the extension fee is not paid yet (invoice ${invoice.number}): grant it once it is paid`,
        );
      }
      if (held.renewedThrough !== null && held.renewedThrough >= before.cycleEnd) {
        throw new RecertError('conflict', 'this cycle was renewed meanwhile: nothing to extend');
      }
      if (held.hold) throw new RecertError('conflict', `the certification is ${held.hold}`);
      // Its fees and audit were settled without the extension; staff return the application first if it should count.
      if (held.renewalSubmittedOn !== null) {
        throw new RecertError(
          'conflict',
          `a renewal of this cycle was submitted on ${held.renewalSubmittedOn} and awaits a decision: decide it before the extension`,
        );
      }
      await tx
        .update(certifications)
        .set({ extendedTo: before.newDue })
        .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, held.id)));
    }
    const [after] = await tx
      .update(extensions)
      .set({
        state: decision === 'grant' ? 'granted' : 'refused',
        decidedBy: actorUserId,
        decidedAt: now,
        decisionReason: reason,
      })
      .where(and(eq(extensions.bodyId, bodyId), eq(extensions.id, extensionId)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'extension',
      entityId: extensionId,
      personId: before.personId,
      action: decision === 'grant' ? 'extension.granted' : 'extension.refused',
      before: { state: before.state, extendedTo: held.extendedTo },
      after: { state: after!.state, extendedTo: decision === 'grant' ? before.newDue : held.extendedTo },
      reason,
    });
    if (decision === 'grant') await refreshPerson({ db: tx, registry, bodyId, personId: before.personId, now, actorUserId });
    else if (before.invoiceId) await cancelUnpaidFee(tx, bodyId, before.invoiceId, todayOf(registry, bodyId, now));
    await notify(tx, [
      {
        bodyId,
        personId: before.personId,
        kind: 'extension-decided',
        key: `extension-decided:${extensionId}`,
        title: `${policy.designation}: extension ${decision === 'grant' ? 'granted' : 'refused'}`,
        body:
          decision === 'grant'
            ? `Your ${policy.designation} renewal is now due ${before.newDue}. Extended renewals are always audited: keep your certificates at hand.${reason ? ` ${reason}` : ''}`
            : `Your request to extend the ${policy.designation} renewal was refused: ${reason}`,
        link: `/bodies/${bodyId}/people/${before.personId}/extensions`,
        noticeOn: todayOf(registry, bodyId, now),
      },
    ]);
    return after!;
  });
}

/**
 * A refused request's fee is not collected: an unpaid invoice is credited in
 * full (and so settled). A fee already paid stays paid, for the review that
 * was done; an admin may still credit it as a refund.
 */
async function cancelUnpaidFee(tx: Tx, bodyId: string, invoiceId: string, on: string): Promise<void> {
  const ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
  if (ledger.invoice.paidOn !== null) return;
  const credited = await creditLinesByRule(
    tx,
    ledger,
    ledger.invoice.lines,
    () => 'the extension was refused: its fee is not collected',
  );
  await settleIfPaid(tx, { ledger: credited, on, actorUserId: null });
}
