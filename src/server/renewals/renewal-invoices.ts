import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FeeLine } from '../../core/renewals/renewal-fees';
import type { DbOrTx, Tx } from '../db/database';
import { invoices, renewals, type InvoiceLine } from '../db/schema/renewals';
import { lockInvoiceLedger } from '../billing/invoice-ledger';
import { settleIfPaid } from '../billing/settle-invoice';
import { creditLinesByRule } from '../billing/credit-lines';
import { raiseInvoice, type InvoiceRow } from '../billing/raise-invoice';

/**
 * The invoices raised by the applications of one certification's cycle,
 * oldest first. An application is paid when all of them are: a resubmission
 * after a return is charged only what the cycle's earlier invoices did not
 * already charge (see invoiceForSubmission), so together they are its price.
 */
export async function cycleInvoices(
  db: DbOrTx,
  renewal: { bodyId: string; certificationId: string; cycleStart: string },
): Promise<InvoiceRow[]> {
  const ids = await db
    .select({ id: renewals.id })
    .from(renewals)
    .where(
      and(
        eq(renewals.bodyId, renewal.bodyId),
        eq(renewals.certificationId, renewal.certificationId),
        eq(renewals.cycleStart, renewal.cycleStart),
      ),
    );
  if (ids.length === 0) return [];
  return db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.bodyId, renewal.bodyId),
        eq(invoices.subject, 'renewal'),
        inArray(
          invoices.subjectId,
          ids.map((row) => row.id),
        ),
      ),
    )
    .orderBy(invoices.issuedAt, invoices.number);
}

/** When the cycle's invoices were all paid (the latest payment), or null while any is unpaid. */
export function paidOn(cycle: InvoiceRow[]): string | null {
  if (cycle.length === 0) return null;
  let latest = '';
  for (const invoice of cycle) {
    if (invoice.paidOn === null) return null;
    if (invoice.paidOn > latest) latest = invoice.paidOn;
  }
  return latest;
}

/**
 * The invoice of a submission. The first application of a cycle is invoiced
 * the whole quote. A resubmission after a return is charged only the part of
 * each fee line that the cycle's earlier invoices did not already charge (a
 * person returned on time and resubmitting late owes only the late fee): when
 * nothing is left, it shares the latest earlier invoice and no new one is
 * raised, so nobody pays twice. Earlier invoices stay as they are (never
 * edited); the application is paid when every invoice of the cycle is.
 */
export async function invoiceForSubmission(
  tx: Tx,
  options: {
    bodyId: string;
    personId: string;
    renewalId: string;
    certificationId: string;
    cycleStart: string;
    currency: string;
    lines: FeeLine[];
    issuedOn: string;
    onTimeThrough: string | null;
    actorUserId: string | null;
  },
): Promise<InvoiceRow> {
  const earlier = await cycleInvoices(tx, options);
  const charged = new Map<string, number>();
  for (const invoice of earlier) {
    for (const line of invoice.lines) charged.set(line.code, (charged.get(line.code) ?? 0) + line.cents);
  }
  await creditLinesNoLongerDue(tx, earlier, options);
  const owed: InvoiceLine[] = [];
  for (const line of options.lines) {
    const left = line.cents - (charged.get(line.code) ?? 0);
    if (earlier.length === 0 || left > 0)
      owed.push({ code: line.code, label: line.label, cents: earlier.length ? left : line.cents });
  }
  if (owed.length === 0) return earlier.at(-1)!;
  return raiseInvoice(tx, {
    bodyId: options.bodyId,
    personId: options.personId,
    subject: 'renewal',
    subjectId: options.renewalId,
    currency: options.currency,
    lines: owed,
    issuedOn: options.issuedOn,
    onTimeThrough: options.onTimeThrough,
    actorUserId: options.actorUserId,
  });
}

/**
 * A fee an earlier invoice of the cycle charged that the resubmission's quote
 * no longer has (returned late, resubmitted in grace: the late fee gives way
 * to the reinstatement fee) is credited, whole and once, so that the cycle
 * costs what a first submission on this date would. Paid already, it is owed
 * back (the invoice reads refund-due); unpaid, the credit settles its share.
 */
async function creditLinesNoLongerDue(
  tx: Tx,
  earlier: InvoiceRow[],
  options: { bodyId: string; lines: FeeLine[]; issuedOn: string; actorUserId: string | null },
): Promise<void> {
  const due = new Set<string>(options.lines.map((line) => line.code));
  for (const invoice of earlier) {
    const stale = invoice.lines.filter((line) => !due.has(line.code) && line.cents > 0);
    if (stale.length === 0) continue;
    const ledger = await creditLinesByRule(
      tx,
      await lockInvoiceLedger(tx, options.bodyId, invoice.id),
      stale,
      (line) =>
        `${line.label}: no longer due, the application was submitted again on ${options.issuedOn} with the fees of that date`,
    );
    await settleIfPaid(tx, { ledger, on: options.issuedOn, actorUserId: options.actorUserId });
  }
}

/** The latest invoices first, for presenting an application's own invoice. */
export async function invoiceById(db: DbOrTx, bodyId: string, id: string | null): Promise<InvoiceRow | null> {
  if (id === null) return null;
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.bodyId, bodyId), eq(invoices.id, id)))
    .orderBy(desc(invoices.issuedAt));
  return row ?? null;
}
