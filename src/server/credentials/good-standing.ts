import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { summarize } from '../../core/compliance/evaluate';
import { dateAt } from '../../core/dates/today';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { toHeld } from '../certificants/get-progress';
import type { DbOrTx } from '../db/database';
import { certifications, people } from '../db/schema/people';
import { currentCredentials } from './current-credentials';

/** Statuses in which a certification is held in good standing: not lapsed, expired, suspended or withdrawn. */
const GOOD_STANDING = new Set(['active', 'renewal-open', 'in-review', 'extended', 'late']);

export const standingSchema = z.object({
  body: z.string(),
  asOf: z.string(),
  /** Said on every answer, as the bodies say it: the lookup reflects the records, which the body keeps. */
  notice: z.string(),
  people: z.array(
    z.object({
      legalName: z.string(),
      number: z.string(),
      certifications: z.array(
        z.object({
          program: z.string(),
          designation: z.string(),
          name: z.string(),
          inGoodStanding: z.boolean(),
          status: z.string(),
          certifiedSince: z.string(),
          /** The end of the current cycle: valid through this date if renewed by then. */
          validThrough: z.string(),
          /** The certification's current credential (verify it at /verify/:id), or null before one is issued. */
          credentialId: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type Standing = z.output<typeof standingSchema>;

/**
 * The public good-standing lookup: people of a body found by their exact
 * certificate number or by name, with each certification's standing on
 * today's date, computed from live data. Only the printed name, the number and
 * the certifications are shown: no contact, birth date or CE.
 */
export async function lookUpGoodStanding(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  query: string;
  now: Date;
}): Promise<Standing> {
  const { db, registry, bodyId, query, now } = options;
  const body = registry.body(bodyId)!;
  const asOf = dateAt(body.timeZone, now);
  const words = query.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const found = await db
    .select({ id: people.id, legalName: people.legalName, number: people.number })
    .from(people)
    .where(
      and(
        eq(people.bodyId, bodyId),
        isNull(people.mergedInto),
        or(sql`lower(${people.number}) = ${query.trim().toLowerCase()}`, ilike(people.legalName, `%${words}%`)),
      ),
    )
    .orderBy(asc(people.legalName), asc(people.number))
    .limit(20);
  const held =
    found.length === 0
      ? []
      : await db
          .select()
          .from(certifications)
          .where(
            and(
              eq(certifications.bodyId, bodyId),
              inArray(
                certifications.personId,
                found.map((p) => p.id),
              ),
            ),
          )
          .orderBy(asc(certifications.awarded));
  const current = await currentCredentials(
    db,
    bodyId,
    held.map((row) => row.id),
  );
  return {
    body: body.name,
    asOf,
    notice: `Standing on ${asOf} from the records of ${body.name} in Recert.`,
    people: found
      .map((person) => {
        const mine = held.filter((row) => row.personId === person.id);
        // Standing depends on the dates alone, not on CE: the engine runs without activities.
        const result = summarize({ asOf, certifications: mine.map(toHeld), activities: [] }, registry);
        return {
          legalName: person.legalName,
          number: person.number,
          certifications: result.certifications.map((summary, index) => ({
            program: summary.program,
            designation: summary.designation,
            name: registry.require(summary.program).name,
            inGoodStanding: GOOD_STANDING.has(summary.status) && asOf >= mine[index]!.awarded,
            status: summary.status,
            certifiedSince: mine[index]!.awarded,
            validThrough: summary.cycle.end,
            credentialId: current.get(mine[index]!.id)?.id ?? null,
          })),
        };
      })
      .filter((person) => person.certifications.length > 0),
  };
}
