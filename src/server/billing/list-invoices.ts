import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { people } from '../db/schema/people';
import { invoiceCredits, invoices, payments } from '../db/schema/renewals';
import type { InvoiceSummary } from './billing-schemas';
import type { InvoiceStatus } from './invoice-ledger';

/** The most a staff list shows at once, oldest first: the ones waiting longest. */
export const INVOICE_LIST_LIMIT = 500;

const credited = sql<number>`(select coalesce(sum(${invoiceCredits.cents}), 0)::int from ${invoiceCredits}
  where ${invoiceCredits.bodyId} = ${invoices.bodyId} and ${invoiceCredits.invoiceId} = ${invoices.id})`;
const paid = sql<number>`(select coalesce(sum(${payments.cents}), 0)::int from ${payments}
  where ${payments.bodyId} = ${invoices.bodyId} and ${payments.invoiceId} = ${invoices.id} and ${payments.status} = 'succeeded')`;

async function summaries(db: DbOrTx, where: SQL | undefined, order: SQL[], limit?: number): Promise<InvoiceSummary[]> {
  const query = db
    .select({
      id: invoices.id,
      number: invoices.number,
      personId: invoices.personId,
      personName: people.legalName,
      subject: invoices.subject,
      subjectId: invoices.subjectId,
      currency: invoices.currency,
      totalCents: invoices.totalCents,
      issuedOn: invoices.issuedOn,
      paidOn: invoices.paidOn,
      credited,
      paid,
    })
    .from(invoices)
    .innerJoin(people, and(eq(people.bodyId, invoices.bodyId), eq(people.id, invoices.personId)))
    .where(where)
    .orderBy(...order);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(({ credited: creditedCents, paid: paidCents, ...row }) => {
    const balanceCents = row.totalCents - Number(creditedCents) - Number(paidCents);
    let status: InvoiceStatus = 'paid';
    if (balanceCents > 0) status = 'due';
    else if (balanceCents < 0) status = 'refund-due';
    else if (Number(paidCents) === 0 && Number(creditedCents) > 0) status = 'credited';
    return { ...row, status, balanceCents };
  });
}

/** A person's invoices, newest first. */
export async function listPersonInvoices(db: DbOrTx, bodyId: string, personId: string): Promise<InvoiceSummary[]> {
  return summaries(db, and(eq(invoices.bodyId, bodyId), eq(invoices.personId, personId)), [
    desc(invoices.issuedAt),
    desc(invoices.number),
  ]);
}

/** The body's invoices for staff: unpaid (never settled) by default, oldest first. */
export async function listInvoices(
  db: DbOrTx,
  bodyId: string,
  status: 'unpaid' | 'paid' | 'all',
): Promise<{ invoices: InvoiceSummary[]; truncated: boolean }> {
  const filter = status === 'unpaid' ? isNull(invoices.paidOn) : status === 'paid' ? isNotNull(invoices.paidOn) : undefined;
  const rows = await summaries(
    db,
    and(eq(invoices.bodyId, bodyId), filter),
    [asc(invoices.issuedAt), asc(invoices.number)],
    INVOICE_LIST_LIMIT + 1,
  );
  return { invoices: rows.slice(0, INVOICE_LIST_LIMIT), truncated: rows.length > INVOICE_LIST_LIMIT };
}

/** The name an invoice prints: the person's legal name, exactly as on their certificate. */
export async function personNameOf(db: DbOrTx, bodyId: string, personId: string): Promise<string> {
  const [row] = await db
    .select({ legalName: people.legalName })
    .from(people)
    .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)));
  if (!row) throw new RecertError('not-found', 'not found');
  return row.legalName;
}
