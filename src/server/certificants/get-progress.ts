import { evaluate } from '../../core/compliance/evaluate';
import type { ActivityInput, EvaluateResult } from '../../core/compliance/evaluate-types';
import { dateAt } from '../../core/dates/today';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { loadPersonRecord, type ActivityRow, type CertificationRow, type PersonRow } from './load-person-record';

/** An activity row as the engine reads it. A rejected or pending advance approval does not count as approved. */
export function toActivityInput(
  row: Pick<ActivityRow, 'id' | 'type' | 'startDate' | 'endDate' | 'hundredths' | 'categories' | 'approved'> & { title?: string },
): ActivityInput {
  return {
    id: row.id,
    type: row.type,
    date: row.startDate,
    endDate: row.endDate,
    hours: row.hundredths / 100,
    categories: row.categories,
    approved: row.approved,
    ...(row.title === undefined ? {} : { title: row.title }),
  };
}

/** A stored certification as the engine reads it. */
export function toHeld(row: Pick<CertificationRow, 'programId' | 'awarded' | 'renewedThrough'>) {
  return { program: row.programId, awarded: row.awarded, renewedThrough: row.renewedThrough };
}

export interface Progress {
  person: PersonRow;
  held: { program: string; awarded: string; renewedThrough: string | null }[];
  activities: ActivityRow[];
  result: EvaluateResult;
}

/** Where a person stands today (in the body's time zone) or on `asOf`, for every certification they hold. */
export async function getProgress(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  asOf?: string;
  now: Date;
}): Promise<Progress> {
  const { db, registry, bodyId, personId } = options;
  const record = await loadPersonRecord(db, bodyId, personId);
  const timeZone = registry.body(bodyId)?.timeZone ?? 'UTC';
  const asOf = options.asOf ?? dateAt(timeZone, options.now);
  const held = record.certifications.map(toHeld);
  const result = evaluate(
    {
      asOf,
      certifications: held,
      activities: record.activities.map(toActivityInput),
    },
    registry,
  );
  return { person: record.person, held, activities: record.activities, result };
}
