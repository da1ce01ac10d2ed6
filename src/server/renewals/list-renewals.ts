import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { daysBetween } from '../../core/dates/calendar-date';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { rowsOf, type DbOrTx } from '../db/database';
import { people } from '../db/schema/people';
import { renewals, type RenewalState } from '../db/schema/renewals';
import { todayOf } from '../certificants/get-progress';
import type { QueueEntry, RenewalQueue } from './renewal-schemas';

/**
 * Staff's list of a body's renewal applications in one state. For submitted
 * ones: the paid, oldest payment first, with the days since payment against
 * the policy's review target (overdue flagged), and apart from them those
 * awaiting payment. Approved and returned ones (e.g. automatic renewals to
 * check) newest first.
 */
export async function listRenewals(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  state: Extract<RenewalState, 'submitted' | 'approved' | 'returned'>;
  automatic?: boolean;
  now: Date;
}): Promise<RenewalQueue> {
  const { db, registry, bodyId, state, automatic } = options;
  const today = todayOf(registry, bodyId, options.now);
  const rows = await db
    .select({ renewal: renewals, person: { id: people.id, number: people.number, legalName: people.legalName } })
    .from(renewals)
    .innerJoin(people, and(eq(people.bodyId, renewals.bodyId), eq(people.id, renewals.personId)))
    .where(
      and(
        eq(renewals.bodyId, bodyId),
        eq(renewals.state, state),
        automatic === undefined ? undefined : eq(renewals.automatic, automatic),
      ),
    )
    .orderBy(state === 'submitted' ? asc(renewals.submittedAt) : desc(renewals.submittedAt))
    .limit(2000);
  // Per application: when every invoice of its cycle was paid (null while one is not), and audit items still pending.
  const [payments, pending] = await Promise.all([
    rowsOf<{ renewal_id: string; paid_on: string | null; unpaid: number }>(
      db,
      sql`select r.id as renewal_id, max(i.paid_on)::text as paid_on, count(*) filter (where i.paid_on is null)::int as unpaid
        from renewals r
        join renewals r2 on r2.body_id = r.body_id and r2.certification_id = r.certification_id and r2.cycle_start = r.cycle_start
        join invoices i on i.body_id = r2.body_id and i.subject = 'renewal' and i.subject_id = r2.id
        where r.body_id = ${bodyId} and r.state = ${state}
        group by r.id`,
    ),
    rowsOf<{ renewal_id: string; pending: number }>(
      db,
      sql`select it.renewal_id, count(*)::int as pending from renewal_items it
        join renewals r on r.body_id = it.body_id and r.id = it.renewal_id
        where it.body_id = ${bodyId} and r.state = ${state} and it.decision = 'pending'
        group by it.renewal_id`,
    ),
  ]);
  const paidOf = new Map(payments.map((row) => [row.renewal_id, row.unpaid > 0 ? null : row.paid_on]));
  const pendingOf = new Map(pending.map((row) => [row.renewal_id, row.pending]));
  const entries: QueueEntry[] = rows.map(({ renewal, person }) => {
    const policy = registry.get(renewal.programId);
    const targetDays = policy?.renewal.reviewTargetDays ?? 28;
    const paidOn = renewal.automatic ? renewal.submittedOn : (paidOf.get(renewal.id) ?? null);
    const daysSincePaid = paidOn === null ? null : (daysBetween(paidOn, today) ?? 0);
    return {
      id: renewal.id,
      person,
      programId: renewal.programId,
      designation: policy?.designation ?? renewal.programId,
      cycleEnd: renewal.cycleEnd,
      phase: renewal.phase,
      submittedOn: renewal.submittedOn,
      automatic: renewal.automatic,
      auditSelected: renewal.auditSelected,
      paidOn,
      daysSincePaid,
      targetDays,
      overdue: state === 'submitted' && daysSincePaid !== null && daysSincePaid > targetDays,
      itemsPending: renewal.auditSelected ? (pendingOf.get(renewal.id) ?? 0) : 0,
    };
  });
  if (state !== 'submitted') return { asOf: today, state, items: entries, awaitingPayment: [] };
  const paid = entries.filter((entry) => entry.paidOn !== null);
  paid.sort((a, b) => a.paidOn!.localeCompare(b.paidOn!) || a.submittedOn.localeCompare(b.submittedOn));
  return { asOf: today, state, items: paid, awaitingPayment: entries.filter((entry) => entry.paidOn === null) };
}
