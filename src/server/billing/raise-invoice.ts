import { randomBytes } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { invoices, type InvoiceLine, type InvoiceSubject } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';

export type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Writes an invoice for a renewal or an extension, numbered in sequence per
 * body and year (`NAMSS-2026-000042`). Call it inside the transaction that
 * creates the subject; the invoice is never edited afterwards (credits and
 * payments are rows of their own).
 */
export async function raiseInvoice(
  tx: Tx,
  options: {
    bodyId: string;
    personId: string;
    subject: InvoiceSubject;
    subjectId: string;
    currency: string;
    lines: InvoiceLine[];
    issuedOn: string;
    onTimeThrough: string | null;
    actorUserId: string | null;
  },
): Promise<InvoiceRow> {
  const { bodyId, lines, issuedOn } = options;
  // Numbers are taken one at a time per body, so two submissions never race for the same one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invoice-number:${bodyId}`}))`);
  const prefix = `${bodyId.toUpperCase()}-${issuedOn.slice(0, 4)}-`;
  const [last] = await tx
    .select({ number: sql<string | null>`max(${invoices.number})` })
    .from(invoices)
    .where(and(eq(invoices.bodyId, bodyId), like(invoices.number, `${prefix}%`)));
  const next = last?.number ? Number(last.number.slice(prefix.length)) + 1 : 1;
  const [row] = await tx
    .insert(invoices)
    .values({
      bodyId,
      number: `${prefix}${String(next).padStart(6, '0')}`,
      personId: options.personId,
      subject: options.subject,
      subjectId: options.subjectId,
      currency: options.currency,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.cents, 0),
      issuedOn,
      onTimeThrough: options.onTimeThrough,
      payToken: randomBytes(18).toString('base64url'),
      // Nothing to pay is paid the day it is issued.
      paidOn: lines.every((line) => line.cents === 0) ? issuedOn : null,
    })
    .returning();
  await recordAudit(tx, {
    bodyId,
    actorUserId: options.actorUserId,
    entity: 'invoice',
    entityId: row!.id,
    personId: options.personId,
    action: 'invoice.raised',
    after: { number: row!.number, subject: row!.subject, lines, totalCents: row!.totalCents },
  });
  return row!;
}
