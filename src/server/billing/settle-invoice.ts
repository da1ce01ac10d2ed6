import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { invoices } from '../db/schema/renewals';
import { notify } from '../notifications/notify';
import { recordAudit } from '../audit/record-audit';
import { balanceOf, formatMoney, type InvoiceLedger } from './invoice-ledger';

/**
 * After a payment or a credit: when nothing is owed any more, the invoice is
 * paid on `on` (once; a later credit never unpays it), and the certificant is
 * told. Call it in the transaction of the payment or credit, with the ledger
 * as it now stands. Returns the paid date when this call settled it.
 */
export async function settleIfPaid(
  tx: Tx,
  options: { ledger: InvoiceLedger; on: string; actorUserId: string | null },
): Promise<string | null> {
  const { ledger, on } = options;
  const { invoice } = ledger;
  if (invoice.paidOn !== null || balanceOf(invoice, ledger.credits, ledger.payments) > 0) return null;
  await tx
    .update(invoices)
    .set({ paidOn: on })
    .where(and(eq(invoices.bodyId, invoice.bodyId), eq(invoices.id, invoice.id), isNull(invoices.paidOn)));
  await recordAudit(tx, {
    bodyId: invoice.bodyId,
    actorUserId: options.actorUserId,
    entity: 'invoice',
    entityId: invoice.id,
    personId: invoice.personId,
    action: 'invoice.paid',
    after: { number: invoice.number, paidOn: on },
  });
  await notify(tx, [
    {
      bodyId: invoice.bodyId,
      personId: invoice.personId,
      kind: 'payment-received',
      key: `payment-received:${invoice.id}`,
      title: `Invoice ${invoice.number} is paid`,
      body:
        `Nothing more is owed on invoice ${invoice.number} (${formatMoney(invoice.totalCents, invoice.currency)}` +
        ` for your ${invoice.subject}). Thank you.`,
      link: `/bodies/${invoice.bodyId}/people/${invoice.personId}/invoices`,
      noticeOn: on,
    },
  ]);
  return on;
}
