import { and, eq, inArray } from 'drizzle-orm';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { certifications, cycleResults } from '../db/schema/people';
import { invoices } from '../db/schema/renewals';
import type { ExtensionView } from './extension-schemas';
import { neededHundredths } from './extension-terms';
import type { ExtensionRow } from './load-extension';

/**
 * Extension rows as people and staff see them, with the program, the invoice
 * (paid or not) and the credit needed, read from the cycle's stored figures
 * (a dual certificant's requirement is the combined one): three statements for any number of rows.
 */
export async function presentExtensions(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  rows: ExtensionRow[],
): Promise<ExtensionView[]> {
  if (rows.length === 0) return [];
  const certificationIds = [...new Set(rows.map((row) => row.certificationId))];
  const invoiceIds = rows.map((row) => row.invoiceId).filter((id): id is string => id !== null);
  const [held, bills, figures] = await Promise.all([
    db
      .select({ id: certifications.id, programId: certifications.programId })
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), inArray(certifications.id, certificationIds))),
    invoiceIds.length === 0
      ? []
      : db
          .select()
          .from(invoices)
          .where(and(eq(invoices.bodyId, bodyId), inArray(invoices.id, invoiceIds))),
    db
      .select({
        certificationId: cycleResults.certificationId,
        cycleStart: cycleResults.cycleStart,
        summary: cycleResults.summary,
      })
      .from(cycleResults)
      .where(and(eq(cycleResults.bodyId, bodyId), inArray(cycleResults.certificationId, certificationIds))),
  ]);
  const programOf = new Map(held.map((row) => [row.id, row.programId]));
  const invoiceOf = new Map(bills.map((row) => [row.id, row]));
  return rows.map((row) => {
    const program = programOf.get(row.certificationId) ?? '';
    const policy = registry.list().find((p) => p.id === program);
    const stored = figures.find((f) => f.certificationId === row.certificationId && f.cycleStart === row.cycleStart);
    const required = (stored?.summary as { required?: { total: number; minimums: Record<string, number> } } | undefined)
      ?.required;
    const needed = policy && required ? neededHundredths(policy, { required }) : null;
    const invoice = row.invoiceId ? invoiceOf.get(row.invoiceId) : undefined;
    return {
      id: row.id,
      personId: row.personId,
      program,
      designation: policy?.designation ?? program,
      cycle: { start: row.cycleStart, end: row.cycleEnd },
      state: row.state,
      requestedAt: row.requestedAt.toISOString(),
      note: row.reason,
      activityIds: row.activityIds,
      evidencedCredits: row.evidencedHundredths / 100,
      neededCredits: needed === null ? null : needed / 100,
      newDue: row.newDue,
      invoice: invoice
        ? {
            id: invoice.id,
            number: invoice.number,
            totalCents: invoice.totalCents,
            currency: invoice.currency,
            paidOn: invoice.paidOn,
          }
        : null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decisionReason: row.decisionReason,
    };
  });
}
