import { and, arrayOverlaps, asc, eq, gte, ilike, isNull, or, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';
import type { DbOrTx } from '../db/database';
import { offerings, providers } from '../db/schema/providers';

export const calendarQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  type: z.string().trim().max(60).optional(),
  category: z.string().trim().max(60).optional(),
  format: z.enum(['virtual', 'in-person']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CalendarQuery = z.output<typeof calendarQuerySchema>;

export const listingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  type: z.string(),
  provider: z.string(),
  virtual: z.boolean(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  dates: z.array(z.string()),
  hours: z.number(),
  categories: z.array(z.string()),
  registrationContact: z.string(),
  registrationUrl: z.string().nullable(),
  approvalCode: z.string(),
  recurring: z.boolean(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** The body's mark: only an approved offering carries it, and every listing here is one. */
  mark: z.string(),
});
export const calendarSchema = z.object({ body: z.string(), listings: z.array(listingSchema) });
export type Listing = z.output<typeof listingSchema>;

/**
 * The public CE calendar: approved offerings still valid on `from` (default
 * today) whose provider is in good standing, never withdrawn ones. Dates are
 * filtered on the planned dates; recurring courses show while approved.
 */
export async function ceCalendar(options: {
  db: DbOrTx;
  bodyId: string;
  bodyName: string;
  today: string;
  query: CalendarQuery;
}): Promise<Listing[]> {
  const { db, bodyId, bodyName, today, query } = options;
  const from = query.from ?? today;
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ offering: offerings, provider: providers.name })
    .from(offerings)
    .innerJoin(providers, and(eq(providers.bodyId, offerings.bodyId), eq(providers.id, offerings.providerId)))
    .where(
      and(
        eq(offerings.bodyId, bodyId),
        isNull(offerings.withdrawnAt),
        or(eq(providers.status, 'active'), eq(providers.status, 'warned')),
        gte(offerings.validUntil, from),
        query.to ? sql`${offerings.validFrom} <= ${query.to}` : undefined,
        // A single offering shows when one of its planned dates falls in the window; a recurring one while approved.
        sql`(${offerings.recurring} or exists (select 1 from unnest(${offerings.dates}) d
             where d >= ${from}::date ${query.to ? sql`and d <= ${query.to}::date` : sql``}))`,
        query.type ? eq(offerings.type, query.type) : undefined,
        query.category ? arrayOverlaps(offerings.categories, [query.category]) : undefined,
        query.format ? eq(offerings.virtual, query.format === 'virtual') : undefined,
        pattern
          ? or(ilike(offerings.title, pattern), ilike(providers.name, pattern), ilike(offerings.description, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(offerings.validFrom), asc(offerings.title))
    .limit(query.limit);
  return rows.map(({ offering, provider }) => ({
    id: offering.id,
    title: offering.title,
    description: offering.description,
    type: offering.type,
    provider,
    virtual: offering.virtual,
    city: offering.city,
    region: offering.region,
    dates: offering.dates,
    hours: offering.hundredths / 100,
    categories: offering.categories,
    registrationContact: offering.registrationContact,
    registrationUrl: offering.registrationUrl,
    approvalCode: offering.approvalCode,
    recurring: offering.recurring,
    validFrom: offering.validFrom,
    validUntil: offering.validUntil,
    mark: `Pre-approved by ${bodyName} · ${offering.approvalCode}`,
  }));
}

/** The same listings as an iCal feed: one all-day event per planned date. */
export function calendarFeed(bodyId: string, bodyName: string, listings: Listing[]): string {
  const calendar = ical({
    name: `${bodyName}: pre-approved continuing education`,
    prodId: { company: 'Recert', product: 'ce-calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 6,
  });
  for (const listing of listings) {
    for (const date of listing.dates) {
      calendar.createEvent({
        id: `${listing.id}-${date}@${bodyId}.recert`,
        start: new Date(`${date}T00:00:00Z`),
        allDay: true,
        summary: `${listing.title} (${listing.provider})`,
        location: listing.virtual ? 'Online' : [listing.city, listing.region].filter(Boolean).join(', ') || null,
        description: `${listing.mark}. ${listing.hours} hours. Registration: ${listing.registrationContact}${
          listing.registrationUrl ? ` ${listing.registrationUrl}` : ''
        }`,
      });
    }
  }
  return calendar.toString();
}
