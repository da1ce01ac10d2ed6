import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { applicationReviews, applications, providers, type ApplicationStatus } from '../../db/schema/providers';
import type { ApplicationSummary } from './application-schemas';
import type { OfferingKind } from './content-schema';
import { clockOf } from './decision-clock';

const summaryColumns = {
  id: applications.id,
  providerId: applications.providerId,
  providerName: providers.name,
  // The title and kind only, not the whole (possibly long) content.
  title: sql<string | null>`${applications.content}->>'title'`,
  kind: sql<OfferingKind | null>`${applications.content}->>'kind'`,
  status: applications.status,
  version: applications.version,
  decisionDue: applications.decisionDue,
  pausedAt: applications.pausedAt,
  updatedAt: applications.updatedAt,
};

async function summaries(db: DbOrTx, bodyId: string, where: SQL | undefined, order: SQL[]) {
  return db
    .select(summaryColumns)
    .from(applications)
    .innerJoin(providers, and(eq(providers.bodyId, applications.bodyId), eq(providers.id, applications.providerId)))
    .where(and(eq(applications.bodyId, bodyId), where))
    .orderBy(...order)
    .limit(1000);
}

type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];

export function presentSummary(row: SummaryRow, timeZone: string, now: Date): ApplicationSummary {
  const { pausedAt, updatedAt, title, ...rest } = row;
  return {
    ...rest,
    title: title || null,
    ...clockOf({ status: row.status, decisionDue: row.decisionDue, pausedAt }, timeZone, now),
    updatedAt: updatedAt.toISOString(),
  };
}

/** A body's applications (or one provider's), most recently changed first. */
export async function listApplications(
  db: DbOrTx,
  options: { bodyId: string; providerId?: string; status?: ApplicationStatus; timeZone: string; now: Date },
): Promise<ApplicationSummary[]> {
  const { bodyId, providerId, status, timeZone, now } = options;
  const rows = await summaries(
    db,
    bodyId,
    and(providerId ? eq(applications.providerId, providerId) : undefined, status ? eq(applications.status, status) : undefined),
    [desc(applications.updatedAt), asc(applications.id)],
  );
  return rows.map((row) => presentSummary(row, timeZone, now));
}

/** The committee's queue: submitted applications, the soonest due first, with how many members are assigned and have voted. */
export async function applicationQueue(db: DbOrTx, options: { bodyId: string; timeZone: string; now: Date }) {
  const { bodyId, timeZone, now } = options;
  const rows = await summaries(db, bodyId, eq(applications.status, 'submitted'), [
    asc(applications.decisionDue),
    asc(applications.updatedAt),
  ]);
  const tallies = rows.length
    ? await db
        .select({
          applicationId: applicationReviews.applicationId,
          assigned: count(),
          voted: count(applicationReviews.vote),
        })
        .from(applicationReviews)
        .where(
          and(
            eq(applicationReviews.bodyId, bodyId),
            inArray(
              applicationReviews.applicationId,
              rows.map((row) => row.id),
            ),
          ),
        )
        .groupBy(applicationReviews.applicationId)
    : [];
  const byApplication = new Map(tallies.map((tally) => [tally.applicationId, tally]));
  return rows.map((row) => ({
    ...presentSummary(row, timeZone, now),
    assigned: byApplication.get(row.id)?.assigned ?? 0,
    voted: byApplication.get(row.id)?.voted ?? 0,
  }));
}
