import { evaluate } from '../../core/compliance/evaluate';
import type { ActivityInput, EvaluateResult } from '../../core/compliance/evaluate-types';
import { Temporal } from 'temporal-polyfill';
import { dateAt } from '../../core/dates/today';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import {
  loadPersonRecord,
  loadProgressRecord,
  type ActivityRow,
  type CertificationRow,
  type PersonRow,
} from './load-person-record';
import type { HeldView, PersonView } from './present-person';

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
export function toHeld(
  row: Pick<CertificationRow, 'programId' | 'awarded' | 'renewedThrough' | 'extendedTo' | 'renewalSubmittedOn' | 'hold'>,
): HeldView {
  return {
    program: row.programId,
    awarded: row.awarded,
    renewedThrough: row.renewedThrough,
    extendedTo: row.extendedTo,
    renewalSubmittedOn: row.renewalSubmittedOn,
    hold: row.hold,
  };
}

export interface Progress {
  person: PersonRow;
  held: HeldView[];
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
  const asOf = options.asOf ?? todayOf(registry, bodyId, options.now);
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

/** The progress answer (GET .../progress): the person as presented, the certifications held and the engine's result. */
export interface ProgressView extends EvaluateResult {
  person: PersonView;
  held: HeldView[];
}

/** Where a person stands, from one lean statement (only the columns the engine reads). */
export async function getProgressView(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  asOf?: string;
  now: Date;
}): Promise<ProgressView> {
  const { db, registry, bodyId, personId } = options;
  const record = await loadProgressRecord(db, bodyId, personId);
  const asOf = options.asOf ?? todayOf(registry, bodyId, options.now);
  const result = evaluate({ asOf, certifications: record.held, activities: record.activities }, registry);
  return { person: record.person, held: record.held, asOf: result.asOf, certifications: result.certifications };
}

// Today in each time zone, with the instants where that local day starts and ends: reading it through Temporal
// took several percent of a progress request; now it is one comparison until the zone's midnight.
const days = new Map<string, { from: number; until: number; date: string }>();

/** Today's date in the body's time zone at `now`; exactly dateAt(), remembered until the local day ends. */
export function todayOf(registry: PolicyRegistry, bodyId: string, now: Date): string {
  const timeZone = registry.body(bodyId)?.timeZone ?? 'UTC';
  const at = now.getTime();
  const known = days.get(timeZone);
  if (known && at >= known.from && at < known.until) return known.date;
  const date = dateAt(timeZone, now);
  const day = Temporal.PlainDate.from(date);
  const from = day.toZonedDateTime(timeZone).epochMilliseconds;
  const until = day.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds;
  days.set(timeZone, { from, until, date });
  return date;
}
