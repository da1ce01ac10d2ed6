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
 * Puts the activity of every matched attendance row that has none yet on the
 * attendee's transcript, in one statement: the offering's title, provider,
 * approval code and categories, the completion date and hours, approved. Each
 * is logged on the person's history. The row's confirmation is (re)issued by
 * the follow-up, which also refreshes the person's figures.
 */
export async function addReportedActivities(
  tx: DbOrTx,
  options: {
    registry: PolicyRegistry;
    bodyId: string;
    /** Which rows: those of one offering, or those of one person. */
    scope: { offeringId: string } | { personId: string };
    actorUserId: string | null;
    now: Date;
  },
): Promise<number> {
  const { registry, bodyId, scope, actorUserId, now } = options;
  const where: SQL = 'offeringId' in scope ? sql`a.offering_id = ${scope.offeringId}` : sql`a.person_id = ${scope.personId}`;
  const offered = await rowsOf<{ id: string; type: string; virtual: boolean }>(
    tx,
    sql`select distinct o.id, o.type, o.virtual from attendance a
        join offerings o on o.body_id = a.body_id and o.id = a.offering_id
        where a.body_id = ${bodyId} and ${where} and a.person_id is not null and a.activity_id is null`,
  );
  if (offered.length === 0) return 0;
  const at = now.toISOString();
  const [result] = await rowsOf<{ added: number }>(
    tx,
    sql`
    with choices as materialized (
      select * from jsonb_to_recordset(${JSON.stringify(typeChoices(registry, bodyId, offered))}::jsonb)
        as c("offeringId" uuid, "programId" text, type text, rank integer)
    ),
    todo as materialized (
      select a.id as attendance_id, a.person_id, a.completed_on, a.hundredths, o.id as offering_id, o.title, o.type as offering_type,
        o.categories, o.approval_code, o.virtual, o.city, o.region, p.name as provider_name, gen_random_uuid() as activity_id,
        coalesce((select c.type from certifications h join choices c on c."programId" = h.program_id and c."offeringId" = o.id
                  where h.body_id = a.body_id and h.person_id = a.person_id order by c.rank limit 1), o.type) as type
      from attendance a
      join offerings o on o.body_id = a.body_id and o.id = a.offering_id
      join providers p on p.body_id = a.body_id and p.id = a.provider_id
      where a.body_id = ${bodyId} and ${where} and a.person_id is not null and a.activity_id is null
    ),
    added as (
      insert into activities (body_id, id, person_id, title, provider, type, start_date, hundredths, categories, approved,
        approval_code, city, region, virtual, review, created_at, updated_at)
      select ${bodyId}, activity_id, person_id, title, provider_name, type, completed_on, hundredths, categories, true,
        approval_code, city, region, virtual, 'not-needed', ${at}::timestamptz, ${at}::timestamptz
      from todo
    ),
    linked as (
      update attendance a set activity_id = t.activity_id, confirmation_issued_at = null
      from todo t where a.body_id = ${bodyId} and a.id = t.attendance_id
    ),
    logged as (
      insert into audit_log (body_id, actor_user_id, entity, entity_id, person_id, action, after)
      select ${bodyId}, ${actorUserId}::uuid, 'activity', activity_id::text, person_id, 'activity.reported',
        jsonb_build_object('id', activity_id, 'title', title, 'provider', provider_name, 'type', type, 'startDate', completed_on,
          'hours', hundredths / 100.0, 'categories', categories, 'approved', true, 'approvalCode', approval_code,
          'offeringId', offering_id, 'attendanceId', attendance_id)
      from todo
    )
    select count(*)::int as added from todo`,
  );
  return result!.added;
}
