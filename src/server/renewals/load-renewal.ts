import { and, desc, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { renewalItems, renewals } from '../db/schema/renewals';
import { evidenceOf } from '../activities/evidence-of';
import { cycleInvoices, invoiceById, paidOn } from './renewal-invoices';
import type { RenewalView } from './renewal-schemas';

export type RenewalRow = typeof renewals.$inferSelect;
export type RenewalItemRow = typeof renewalItems.$inferSelect;

/** A renewal application of a person, locked for the transaction with `lock`. */
export async function loadRenewalRow(
  db: DbOrTx,
  target: { bodyId: string; personId: string; renewalId: string },
  lock = false,
): Promise<RenewalRow> {
  const query = db
    .select()
    .from(renewals)
    .where(and(eq(renewals.bodyId, target.bodyId), eq(renewals.personId, target.personId), eq(renewals.id, target.renewalId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

export async function loadItems(db: DbOrTx, renewal: RenewalRow): Promise<RenewalItemRow[]> {
  return db
    .select()
    .from(renewalItems)
    .where(and(eq(renewalItems.bodyId, renewal.bodyId), eq(renewalItems.renewalId, renewal.id)));
}

/** An application as the API shows it: its items with their activities and evidence, its invoice, whether the cycle is paid. */
export async function presentRenewal(db: DbOrTx, renewal: RenewalRow): Promise<RenewalView> {
  const items = await loadItems(db, renewal);
  const ids = items.map((item) => item.activityId);
  const [done, evidence, invoice, cycle] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(activities)
          .where(and(eq(activities.bodyId, renewal.bodyId), inArray(activities.id, ids)))
      : Promise.resolve([]),
    evidenceOf(db, renewal.bodyId, renewal.personId, ids),
    invoiceById(db, renewal.bodyId, renewal.invoiceId),
    cycleInvoices(db, renewal),
  ]);
  const byId = new Map(done.map((row) => [row.id, row]));
  const figures = renewal.figures as RenewalView['figures'];
  return {
    id: renewal.id,
    bodyId: renewal.bodyId,
    personId: renewal.personId,
    certificationId: renewal.certificationId,
    programId: renewal.programId,
    cycle: { start: renewal.cycleStart, end: renewal.cycleEnd },
    state: renewal.state,
    phase: renewal.phase,
    submittedOn: renewal.submittedOn,
    automatic: renewal.automatic,
    ethicsAttestation: renewal.ethicsAttestation ?? null,
    figures: { required: figures.required, earned: figures.earned, missing: figures.missing },
    auditSelected: renewal.auditSelected,
    auditDraw: renewal.auditDraw ?? null,
    invoice: invoice && {
      id: invoice.id,
      number: invoice.number,
      currency: invoice.currency,
      totalCents: invoice.totalCents,
      paidOn: invoice.paidOn,
    },
    paid: renewal.automatic || paidOn(cycle) !== null,
    decidedAt: renewal.decidedAt?.toISOString() ?? null,
    decisionReasons: renewal.decisionReasons,
    renewedThrough: renewal.renewedThrough,
    items: items
      .map((item) => {
        const activity = byId.get(item.activityId);
        return {
          activityId: item.activityId,
          title: activity?.title ?? '(removed activity)',
          type: activity?.type ?? '',
          startDate: activity?.startDate ?? renewal.cycleStart,
          endDate: activity?.endDate ?? null,
          credits: item.hundredths / 100,
          decision: item.decision,
          reason: item.reason,
          evidence: evidence.files.get(item.activityId) ?? [],
          providerConfirmed: evidence.confirmed.has(item.activityId),
        };
      })
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.activityId.localeCompare(b.activityId)),
  };
}

/** A person's applications for one certification, newest first. */
export async function applicationsOf(db: DbOrTx, bodyId: string, certificationId: string): Promise<RenewalRow[]> {
  return db
    .select()
    .from(renewals)
    .where(and(eq(renewals.bodyId, bodyId), eq(renewals.certificationId, certificationId)))
    .orderBy(desc(renewals.submittedAt));
}
