import { and, eq } from 'drizzle-orm';
import { deadlinesFor, type ResolvedDeadlines } from '../../core/compliance/deadlines';
import { evaluate } from '../../core/compliance/evaluate';
import type { CertificationResult } from '../../core/compliance/evaluate-types';
import { requireDate } from '../../core/dates/calendar-date';
import { RecertError } from '../../core/errors';
import type { Policy, PolicyRegistry } from '../../core/policies/policy-registry';
import { quoteRenewal, type RenewalQuote } from '../../core/renewals/renewal-fees';
import type { DbOrTx } from '../db/database';
import { certifications } from '../db/schema/people';
import { toActivityInput, toHeld } from '../certificants/get-progress';
import { loadPersonRecord, type ActivityRow, type CertificationRow, type PersonRow } from '../certificants/load-person-record';

/** Everything a renewal decision reads: the person's record, the engine's view of the cycle, its deadlines and fees. */
export interface RenewalBasis {
  person: PersonRow;
  certification: CertificationRow;
  held: CertificationRow[];
  activities: ActivityRow[];
  policy: Policy;
  /** The date this is judged on (body's time zone). */
  on: string;
  /** The engine over every activity the person recorded, for this certification. */
  result: CertificationResult;
  deadlines: ResolvedDeadlines;
  /** A granted extension moved this cycle's due date. */
  extended: boolean;
  quote: RenewalQuote;
}

/**
 * Loads a certification's renewal basis on `on`. With `lock`, the
 * certification row is locked first (for update), so two submissions or
 * decisions on one certification run one after the other.
 */
export async function loadRenewalBasis(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  certificationId: string;
  on: string;
  lock?: boolean;
}): Promise<RenewalBasis> {
  const { db, registry, bodyId, personId, certificationId, on } = options;
  const query = db
    .select({ id: certifications.id })
    .from(certifications)
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.personId, personId), eq(certifications.id, certificationId)));
  const [found] = options.lock ? await query.for('update') : await query;
  if (!found) throw new RecertError('not-found', 'not found');
  const record = await loadPersonRecord(db, bodyId, personId);
  const index = record.certifications.findIndex((row) => row.id === certificationId);
  const certification = record.certifications[index]!;
  const policy = registry.require(certification.programId);
  const result = evaluateWith(registry, record.certifications, record.activities, on)[index]!;
  const deadlines = deadlinesFor(policy, requireDate(result.cycle.end));
  const extended = certification.extendedTo !== null;
  const quote = quoteRenewal({ policy, deadlines: deadlines.days, member: record.person.member, on: requireDate(on), extended });
  return {
    person: record.person,
    certification,
    held: record.certifications,
    activities: record.activities,
    policy,
    on,
    result,
    deadlines,
    extended,
    quote,
  };
}

/** The engine over the given activities only, for every certification held (shared requirements need them all). */
export function evaluateWith(
  registry: PolicyRegistry,
  held: CertificationRow[],
  activities: ActivityRow[],
  asOf: string,
): CertificationResult[] {
  return evaluate({ asOf, certifications: held.map(toHeld), activities: activities.map(toActivityInput) }, registry)
    .certifications;
}

/** The engine's result for this certification counting only the picked activities. */
export function evaluatePicked(registry: PolicyRegistry, basis: RenewalBasis, activityIds: readonly string[], asOf = basis.on) {
  const picked = new Set(activityIds);
  const index = basis.held.findIndex((row) => row.id === basis.certification.id);
  return evaluateWith(
    registry,
    basis.held,
    basis.activities.filter((activity) => picked.has(activity.id)),
    asOf,
  )[index]!;
}

/** The due date that counts for this cycle: the extended one when an extension was granted. */
export function effectiveDue(basis: Pick<RenewalBasis, 'deadlines' | 'certification'>): string {
  return basis.certification.extendedTo ?? basis.deadlines.dates.due;
}
