import { sql, type SQL } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { rowsOf, type DbOrTx } from '../../db/database';

/**
 * Activity types to try, in order, after the offering's own type, when none of
 * the person's programs lists that type: the closest type of each built-in
 * program (a course attended online is NAMSS's virtual course; any pre-approved
 * event of another organization is TechServe's "external" event), then the
 * catch-all types.
 */
function fallbacks(type: string, virtual: boolean): string[] {
  const online = virtual ? ['virtual-course', 'online-course'] : [];
  const tail = ['external', 'other-event', 'other'];
  switch (type) {
    case 'course':
      return [...online, ...tail];
    case 'recurring-course':
    case 'workshop':
      return ['course', ...online, ...tail];
    case 'symposium':
      return ['conference', ...tail];
    case 'conference':
      return ['symposium', ...tail];
    case 'webinar':
      return ['virtual-course', 'online-course', ...tail];
    default:
      return tail;
  }
}

export interface TypeChoice {
  offeringId: string;
  programId: string;
  type: string;
  rank: number;
}

/**
 * For each offering and each program of the body: the activity types the
 * program accepts for it, best first. A person gets the best type any program
 * they hold accepts, else the offering's own type (which then counts for none).
 */
export function typeChoices(
  registry: PolicyRegistry,
  bodyId: string,
  offered: { id: string; type: string; virtual: boolean }[],
): TypeChoice[] {
  const programs = registry.list().filter((policy) => policy.body === bodyId);
  const choices: TypeChoice[] = [];
  for (const offering of offered) {
    const candidates = [offering.type, ...fallbacks(offering.type, offering.virtual)];
    for (const policy of programs) {
      candidates.forEach((type, rank) => {
        if (registry.typeRule(policy, type)) choices.push({ offeringId: offering.id, programId: policy.id, type, rank });
      });
    }
  }
  return choices;
}

/**
 * Puts an activity on the attendee's transcript for each row of `source`, in
 * one statement: the offering's title, provider, approval code and
 * categories, the completion date and hours, approved; each logged on the
 * person's history as done by whoever reported the row. `source` gives the
 * attendance rows as (id, offering_id, person_id, completed_on, hundredths,
 * activity_id, reported_by), the activity's id chosen beforehand.
 */
export async function addReportedActivities(
  tx: DbOrTx,
  options: { registry: PolicyRegistry; bodyId: string; source: SQL; now: Date },
): Promise<void> {
  const { registry, bodyId, source, now } = options;
  const offered = await rowsOf<{ id: string; type: string; virtual: boolean }>(
    tx,
    sql`select o.id, o.type, o.virtual from offerings o
        where o.body_id = ${bodyId} and o.id in (select distinct offering_id from (${source}) s)`,
  );
  const at = now.toISOString();
  await tx.execute(sql`
    with choices as materialized (
      select * from jsonb_to_recordset(${JSON.stringify(typeChoices(registry, bodyId, offered))}::jsonb)
        as c("offeringId" uuid, "programId" text, type text, rank integer)
    ),
    source as materialized (${source}),
    -- Each person's best type for each offering, among the programs they hold.
    typed as (
      select distinct on (h.person_id, c."offeringId") h.person_id, c."offeringId", c.type
      from certifications h join choices c on c."programId" = h.program_id
      where h.body_id = ${bodyId} and h.person_id in (select person_id from source)
      order by h.person_id, c."offeringId", c.rank
    ),
    todo as materialized (
      select s.id as attendance_id, s.person_id, s.completed_on, s.hundredths, s.activity_id, s.reported_by, o.id as offering_id,
        o.title, o.categories, o.approval_code, o.virtual, o.city, o.region, p.name as provider_name, coalesce(t.type, o.type) as type
      from source s
      join offerings o on o.body_id = ${bodyId} and o.id = s.offering_id
      join providers p on p.body_id = o.body_id and p.id = o.provider_id
      left join typed t on t.person_id = s.person_id and t."offeringId" = s.offering_id
    ),
    added as (
      insert into activities (body_id, id, person_id, title, provider, type, start_date, hundredths, categories, approved,
        approval_code, city, region, virtual, review, created_at, updated_at)
      select ${bodyId}, activity_id, person_id, title, provider_name, type, completed_on, hundredths, categories, true,
        approval_code, city, region, virtual, 'not-needed', ${at}::timestamptz, ${at}::timestamptz
      from todo
    )
    insert into audit_log (body_id, actor_user_id, entity, entity_id, person_id, action, after)
    select ${bodyId}, reported_by, 'activity', activity_id::text, person_id, 'activity.reported',
      jsonb_build_object('id', activity_id, 'title', title, 'provider', provider_name, 'type', type, 'startDate', completed_on,
        'hours', hundredths / 100.0, 'categories', categories, 'approved', true, 'approvalCode', approval_code,
        'offeringId', offering_id, 'attendanceId', attendance_id)
    from todo`);
}
