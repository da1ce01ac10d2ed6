import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { daysBetween } from '../../core/dates/calendar-date';
import { dateAt } from '../../core/dates/today';
import { activityPolicy, authorize, bodyPolicy } from '../authorization';
import { bodyParams, personParams } from '../certificants/routes';
import { activities } from '../db/schema/activities';
import { people } from '../db/schema/people';
import type { AppContext } from '../http/context';
import { activitySchema } from './activity-schemas';
import { presentActivity } from './present-activity';
import { reviewQueueSchema } from './review-queue-schemas';
import { reviewActivity } from './review-activity';

const decisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: z.string().trim().max(2000).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(1, 'a rejection needs a reason').max(2000) }),
]);

export function reviewRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];

  typed.get(
    '/api/v1/bodies/:bodyId/reviews/activities',
    {
      schema: {
        tags,
        summary: 'Activities waiting for advance approval, oldest first (staff)',
        params: bodyParams,
        response: { 200: reviewQueueSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'review-queue', request.actor, { bodyId });
      const timeZone = (await context.policies.current()).body(bodyId)?.timeZone ?? 'UTC';
      const now = context.now();
      const rows = await context.db
        .select({ activity: activities, person: { id: people.id, number: people.number, legalName: people.legalName } })
        .from(activities)
        .innerJoin(people, and(eq(people.bodyId, activities.bodyId), eq(people.id, activities.personId)))
        .where(and(eq(activities.bodyId, bodyId), eq(activities.review, 'pending')))
        .orderBy(asc(activities.updatedAt));
      const today = dateAt(timeZone, now);
      return {
        items: rows.map(({ activity, person }) => {
          const submittedOn = dateAt(timeZone, activity.updatedAt);
          return {
            activity: presentActivity(activity),
            person,
            submittedOn,
            daysWaiting: daysBetween(submittedOn, today) as number,
          };
        }),
      };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/activities/:activityId/review',
    {
      schema: {
        tags,
        summary: 'Approve or reject an activity that needs advance approval (staff, not on their own)',
        params: personParams.extend({ activityId: z.uuid() }),
        body: decisionSchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => {
      const { bodyId, personId, activityId } = request.params;
      const actor = authorize(activityPolicy, 'review', request.actor, { bodyId, personId });
      const row = await reviewActivity({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        activityId,
        decision: request.body.decision,
        reason: request.body.reason ?? null,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentActivity(row);
    },
  );
}
