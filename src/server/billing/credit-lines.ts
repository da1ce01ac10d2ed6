import type { InvoiceLine } from '../db/schema/renewals';
import { invoiceCredits } from '../db/schema/renewals';
import type { Tx } from '../db/database';
import { recordAudit } from '../audit/record-audit';
import { creditableOf, type InvoiceLedger } from './invoice-ledger';

/**
 * Credits whole lines of an invoice by a rule rather than anyone's decision
 * (a check dated on time, a fee a resubmission no longer carries, a refused
 * extension's fee): each line once, never more than is left to credit,
 * audited. Returns the ledger with the new credits; settling is the caller's.
 */
export async function creditLinesByRule(
  tx: Tx,
  ledger: InvoiceLedger,
  lines: InvoiceLine[],
  reasonOf: (line: InvoiceLine) => string,
): Promise<InvoiceLedger> {
  const { invoice } = ledger;
  let result = ledger;
  for (const line of lines) {
    if (line.cents <= 0 || result.credits.some((credit) => credit.lineCode === line.code)) continue;
    // Never more than is left to credit (staff may already have waived part of it).
    const cents = Math.min(line.cents, creditableOf(result));
    if (cents <= 0) continue;
    const reason = reasonOf(line);
    const [credit] = await tx
      .insert(invoiceCredits)
      .values({ bodyId: invoice.bodyId, invoiceId: invoice.id, cents, lineCode: line.code, reason, byUserId: null })
      .returning();
    await recordAudit(tx, {
      bodyId: invoice.bodyId,
      actorUserId: null,
      entity: 'invoice',
      entityId: invoice.id,
      personId: invoice.personId,
      action: 'invoice.credited',
      after: { cents, lineCode: line.code },
      reason,
    });
    result = { ...result, credits: [...result.credits, credit!] };
  }
  return result;
}
