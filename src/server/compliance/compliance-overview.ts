import { sql } from 'drizzle-orm';
import { addDays } from './date-math';
import { rowsOf, type DbOrTx } from '../db/database';

export interface ProgramOverview {
  programId: string;
  certifications: number;
  byStatus: Record<string, number>;
  compliant: number;
  onPace: number;
  behindPace: number;
  dueWithin90Days: number;
}

/**
 * Each certification's latest stored cycle result: what the overview and its export read.
 * Records merged into another are left out (what they kept is the survivor's duplicate).
 */
const latest = (bodyId: string) => sql`
  select distinct on (r.certification_id) r.*, c.program_id, c.person_id
  from cycle_results r
  join certifications c on c.body_id = r.body_id and c.id = r.certification_id
  join people p on p.body_id = c.body_id and p.id = c.person_id and p.merged_into is null
  where r.body_id = ${bodyId}
  order by r.certification_id, r.cycle_start desc`;

/** Counts per program: by status, on or behind pace, and due within 90 days of `today`. */
export async function complianceOverview(db: DbOrTx, bodyId: string, today: string): Promise<ProgramOverview[]> {
  const until = addDays(today, 90);
  const rows = await rowsOf<{
    program_id: string;
    status: string;
    n: number | string;
    compliant: number | string;
    on_pace: number | string;
    due_soon: number | string;
  }>(
    db,
    sql`
    with latest as (${latest(bodyId)})
    select program_id, status, count(*) as n,
      count(*) filter (where compliant) as compliant,
      count(*) filter (where on_pace) as on_pace,
      count(*) filter (where due between ${today}::date and ${until}::date and not compliant) as due_soon
    from latest group by program_id, status order by program_id, status`,
  );
  const programs = new Map<string, ProgramOverview>();
  for (const row of rows) {
    let program = programs.get(row.program_id);
    if (!program) {
      program = {
        programId: row.program_id,
        certifications: 0,
        byStatus: {},
        compliant: 0,
        onPace: 0,
        behindPace: 0,
        dueWithin90Days: 0,
      };
      programs.set(row.program_id, program);
    }
    const n = Number(row.n);
    program.certifications += n;
    program.byStatus[row.status] = n;
    program.compliant += Number(row.compliant);
    program.onPace += Number(row.on_pace);
    program.behindPace += n - Number(row.on_pace);
    program.dueWithin90Days += Number(row.due_soon);
  }
  return [...programs.values()];
}

export interface OverviewRow {
  number: string;
  legalName: string;
  programId: string;
  cycleStart: string;
  cycleEnd: string;
  status: string;
  compliant: boolean;
  onPace: boolean;
  due: string;
  required: number;
  earned: number;
  missing: string;
  evaluatedOn: string;
  policyVersion: number;
}

/** One row per certification, for the CSV export. */
export async function overviewRows(db: DbOrTx, bodyId: string): Promise<OverviewRow[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`
    with latest as (${latest(bodyId)})
    select p.number, p.legal_name, l.program_id, l.cycle_start::text, l.cycle_end::text, l.status, l.compliant, l.on_pace, l.due::text,
      l.summary, l.evaluated_on::text, l.policy_version
    from latest l join people p on p.body_id = ${bodyId} and p.id = l.person_id
    order by p.legal_name, p.number, l.program_id`,
  );
  return rows.map((row) => {
    const summary = row.summary as { required: { total: number }; earned: { total: number }; missing: string[] };
    return {
      number: String(row.number),
      legalName: String(row.legal_name),
      programId: String(row.program_id),
      cycleStart: String(row.cycle_start),
      cycleEnd: String(row.cycle_end),
      status: String(row.status),
      compliant: Boolean(row.compliant),
      onPace: Boolean(row.on_pace),
      due: String(row.due),
      required: summary.required.total,
      earned: summary.earned.total,
      missing: summary.missing.join('; '),
      evaluatedOn: String(row.evaluated_on),
      policyVersion: Number(row.policy_version),
    };
  });
}
