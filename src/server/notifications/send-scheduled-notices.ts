import { sql } from 'drizzle-orm';
import { currentCycle } from '../../core/compliance/cycles';
import { deadlinesFor } from '../../core/compliance/deadlines';
import { requireDate } from '../../core/dates/calendar-date';
import { planNotices } from '../../core/notifications/plan-notices';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { HELD_COLUMNS, heldInput, type HeldRow } from '../compliance/held-rows';
import { cycleStateOf } from '../../core/compliance/evaluate';
import { rowsOf, type DbOrTx } from '../db/database';
import { notifyInBulk, type Notice } from './notify';

/**
 * The scheduler's notices for a body on `asOf`: for each certification of a
 * record not merged away, the planner's notices of its current cycle (window
 * open, reminders, late, lapsed, grace ending, expired: the latest, and any of
 * a mandatory kind a catch-up would otherwise skip), written by key so
 * running a date twice, or a later date, writes nothing twice. The cycle and
 * deadlines come from the engine and the certification's own columns (no
 * activities are needed), a page of certifications at a time by id. Returns
 * how many notices were new.
 */
export async function sendScheduledNotices(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  asOf: string;
  pageSize?: number;
}): Promise<{ notices: number }> {
  const { db, registry, bodyId } = options;
  const asOf = requireDate(options.asOf);
  const pageSize = options.pageSize ?? 5000;
  let written = 0;
  let after: string | null = null;
  for (;;) {
    const page: HeldRow[] = await rowsOf<HeldRow>(
      db,
      sql`select ${HELD_COLUMNS}
        from certifications c join people p on p.body_id = c.body_id and p.id = c.person_id
        where c.body_id = ${bodyId} and p.merged_into is null ${after === null ? sql`` : sql`and c.id > ${after}`}
        order by c.id limit ${pageSize}`,
    );
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const notices: Notice[] = [];
    for (const row of page) {
      const policy = registry.get(row.program_id);
      const awarded = requireDate(row.awarded);
      if (!policy || awarded > asOf) continue;
      const cycle = currentCycle(policy.cycle, awarded, row.renewed_through === null ? null : requireDate(row.renewed_through));
      const planned = planNotices(
        policy,
        {
          certificationId: row.id,
          start: cycle.start,
          end: cycle.end,
          deadlines: deadlinesFor(policy, cycle.end).days,
          state: cycleStateOf(heldInput(row)),
        },
        asOf,
      );
      for (const notice of planned)
        notices.push({ bodyId, personId: row.person_id, link: `/bodies/${bodyId}/people/${row.person_id}`, ...notice });
    }
    written += await notifyInBulk(db, notices);
    if (page.length < pageSize) break;
  }
  return { notices: written };
}
