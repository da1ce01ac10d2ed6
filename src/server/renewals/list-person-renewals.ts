import { and, desc, eq } from 'drizzle-orm';
import { evaluate } from '../../core/compliance/evaluate';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { renewals } from '../db/schema/renewals';
import { todayOf, toActivityInput, toHeld } from '../certificants/get-progress';
import { loadPersonRecord } from '../certificants/load-person-record';
import type { PersonRenewals } from './renewal-schemas';

/** A person's certifications with where each stands for renewal today and its latest application: where renewing starts. */
export async function listPersonRenewals(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  now: Date;
}): Promise<PersonRenewals> {
  const { db, registry, bodyId, personId } = options;
  const asOf = todayOf(registry, bodyId, options.now);
  const record = await loadPersonRecord(db, bodyId, personId);
  const result = evaluate(
    { asOf, certifications: record.certifications.map(toHeld), activities: record.activities.map(toActivityInput) },
    registry,
  );
  const rows = await db
    .select()
    .from(renewals)
    .where(and(eq(renewals.bodyId, bodyId), eq(renewals.personId, personId)))
    .orderBy(desc(renewals.submittedAt));
  return {
    asOf,
    certifications: record.certifications.map((certification, index) => {
      const judged = result.certifications[index]!;
      const latest = rows.find((row) => row.certificationId === certification.id);
      return {
        certificationId: certification.id,
        programId: certification.programId,
        designation: judged.designation,
        status: judged.status,
        cycle: { start: judged.cycle.start, end: judged.cycle.end },
        opens: judged.deadlines.opens,
        due: judged.deadlines.due,
        compliant: judged.compliant,
        latest: latest
          ? { id: latest.id, state: latest.state, submittedOn: latest.submittedOn, cycleEnd: latest.cycleEnd }
          : null,
      };
    }),
  };
}
