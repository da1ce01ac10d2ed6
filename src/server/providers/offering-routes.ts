import { and, count, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, providerPolicy } from '../authorization';
import { attendance, offerings } from '../db/schema/providers';
import type { AppContext } from '../http/context';
import { providerParams } from './provider-routes';

export const offeringSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  title: z.string(),
  type: z.string(),
  virtual: z.boolean(),
  dates: z.array(z.string()),
  hours: z.number(),
  categories: z.array(z.string()),
  approvalCode: z.string(),
  recurring: z.boolean(),
  validFrom: z.string(),
  validUntil: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Attendees reported so far. */
  attendance: z.number().int(),
});

/** A provider's approved offerings, newest first, with how many attendees each has reported. */
export function offeringRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/bodies/:bodyId/providers/:providerId/offerings',
    {
      schema: {
        tags: ['providers'],
        summary: "A provider's approved offerings with their approval codes and attendance so far (the provider, staff)",
        params: providerParams,
        response: { 200: z.object({ offerings: z.array(offeringSchema) }) },
      },
    },
    async (request) => {
      const { bodyId, providerId } = request.params;
      authorize(providerPolicy, 'read', request.actor, { bodyId, providerId });
      const rows = await context.db
        .select({ offering: offerings, attendance: count(attendance.id) })
        .from(offerings)
        .leftJoin(attendance, and(eq(attendance.bodyId, offerings.bodyId), eq(attendance.offeringId, offerings.id)))
        .where(and(eq(offerings.bodyId, bodyId), eq(offerings.providerId, providerId)))
        .groupBy(offerings.bodyId, offerings.id)
        .orderBy(desc(offerings.validFrom), desc(offerings.createdAt));
      return {
        offerings: rows.map(({ offering, attendance: reported }) => ({
          id: offering.id,
          applicationId: offering.applicationId,
          title: offering.title,
          type: offering.type,
          virtual: offering.virtual,
          dates: offering.dates,
          hours: offering.hundredths / 100,
          categories: offering.categories,
          approvalCode: offering.approvalCode,
          recurring: offering.recurring,
          validFrom: offering.validFrom,
          validUntil: offering.validUntil,
          withdrawnAt: offering.withdrawnAt?.toISOString() ?? null,
          attendance: Number(reported),
        })),
      };
    },
  );
}
