import { and, eq, sql } from 'drizzle-orm';
import { dateAt } from '../../core/dates/today';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { reevaluateBody } from '../compliance/reevaluate';
import { syncBodyCredentials } from '../credentials/sync-credentials';
import type { Db } from '../db/database';
import { scheduledRuns } from '../db/schema/jobs';
import { sendScheduledNotices } from '../notifications/send-scheduled-notices';
import { renewAutomatically } from '../renewals/renew-automatically';

/** A body's daily work for a date. Each step is idempotent: run it twice, late, or for a past date, same result. */
export const TICK_JOB = 'tick';

export interface TickResult {
  bodyId: string;
  asOf: string;
  /** Skipped: another process had claimed this body's date (only when claiming). */
  skipped: boolean;
  /** Certifications renewed automatically at their cycle end (programs without a renewal window). */
  renewed: number;
  /** Re-evaluation: people and certifications whose current cycle was judged. */
  people: number;
  certifications: number;
  /** Scheduled notices newly written to inboxes (reminders, late, lapsed, grace ending, expired). */
  notices: number;
  /** Credentials issued (none is usually due here: use cases issue them) and credentials whose status bit changed by date (lapse, expiry). */
  credentialsIssued: number;
  credentialsChanged: number;
}

/**
 * Runs every body's daily work for `asOf` (default: today in each body's time
 * zone): renewing automatically what renews at cycle end, re-evaluating everyone's current cycle into cycle_results, so
 * statuses (renewal open, late, lapsed, expired) and the overview change on
 * their dates with no one pressing a button; the credentials' status bits for
 * the date (lapse, expiry); then the date's scheduled notices
 * into inboxes (e-mailed afterwards by notifications/send-notice-emails). `claim` (the server's daily
 * run) first takes the day's claim row, so two processes never do the same
 * day twice; `recert tick` runs regardless, which is safe because the work is
 * idempotent. Each run is recorded with what it did.
 */
export async function tick(options: {
  db: Db;
  registry: PolicyRegistry;
  now: Date;
  asOf?: string;
  bodyIds?: string[];
  claim?: boolean;
}): Promise<TickResult[]> {
  const { db, registry, now } = options;
  const results: TickResult[] = [];
  for (const body of registry.bodies()) {
    if (options.bodyIds && !options.bodyIds.includes(body.id)) continue;
    const asOf = options.asOf ?? dateAt(body.timeZone, now);
    const claimed = await claimRun(db, body.id, asOf, now, options.claim ?? false);
    if (!claimed) {
      results.push({
        bodyId: body.id,
        asOf,
        skipped: true,
        renewed: 0,
        people: 0,
        certifications: 0,
        notices: 0,
        credentialsIssued: 0,
        credentialsChanged: 0,
      });
      continue;
    }
    // Programs renewed at cycle end (TechServe) first, so the cycle re-evaluation judges and notices speak of is the new one.
    const renewed = await renewAutomatically({ db, registry, bodyId: body.id, asOf, now });
    const judged = await reevaluateBody({ db, registry, bodyId: body.id, asOf });
    // Lapse and expiry come by date: the status lists follow on the same day, never staler than one tick.
    const credentialed = await syncBodyCredentials({ db, registry, bodyId: body.id, asOf, now });
    // After re-evaluation, so a notice never disagrees with the status the person sees.
    const noticed = await sendScheduledNotices({ db, registry, bodyId: body.id, asOf });
    const done = { ...renewed, ...judged, ...credentialed, ...noticed };
    await db
      .update(scheduledRuns)
      .set({ finishedAt: new Date(), result: done })
      .where(and(eq(scheduledRuns.bodyId, body.id), eq(scheduledRuns.job, TICK_JOB), eq(scheduledRuns.asOf, asOf)));
    results.push({ bodyId: body.id, asOf, skipped: false, ...done });
  }
  return results;
}

/** How long a claim without a finish is honoured before another process may take the day over (a crashed run). */
const STALE_CLAIM_MINUTES = 60;

/**
 * Takes (or, unclaimed, simply records) the run of a body's date. With
 * `exclusive`, a day already finished, or claimed recently by a run still
 * going, is not taken again.
 */
async function claimRun(db: Db, bodyId: string, asOf: string, now: Date, exclusive: boolean): Promise<boolean> {
  const row = { bodyId, job: TICK_JOB, asOf, startedAt: now, finishedAt: null, result: null };
  if (!exclusive) {
    await db
      .insert(scheduledRuns)
      .values(row)
      .onConflictDoUpdate({
        target: [scheduledRuns.bodyId, scheduledRuns.job, scheduledRuns.asOf],
        set: { startedAt: now, finishedAt: null },
      });
    return true;
  }
  const taken = await db
    .insert(scheduledRuns)
    .values(row)
    .onConflictDoUpdate({
      target: [scheduledRuns.bodyId, scheduledRuns.job, scheduledRuns.asOf],
      set: { startedAt: now },
      where: sql`${scheduledRuns.finishedAt} is null and ${scheduledRuns.startedAt} < ${now}::timestamptz - make_interval(mins => ${STALE_CLAIM_MINUTES})`,
    })
    .returning({ bodyId: scheduledRuns.bodyId });
  return taken.length > 0;
}
