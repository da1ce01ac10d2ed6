import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityPolicy, authorize } from '../authorization';
import { personParams } from '../certificants/routes';
import { loadPersonRecord } from '../certificants/load-person-record';
import type { AppContext } from '../http/context';
import { addActivity } from './add-activity';
import { activityInputSchema, activitySchema } from './activity-schemas';
import { removeActivity, updateActivity } from './change-activity';
import { presentActivity } from './present-activity';

const activityParams = personParams.extend({ activityId: z.uuid('must be an activity id') });

export function activityRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/activities',
    {
      schema: {
        tags,
        summary: "A person's CE activities, in date order",
        params: personParams,
        response: { 200: z.object({ activities: z.array(activitySchema) }) },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(activityPolicy, 'read', request.actor, { bodyId, personId });
      const record = await loadPersonRecord(context.db, bodyId, personId);
      return { activities: record.activities.map(presentActivity) };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/activities',
    {
      schema: {
        tags,
        summary: 'Add a CE activity',
        params: personParams,
        body: activityInputSchema,
        response: { 201: activitySchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId } = request.params;
      const actor = authorize(activityPolicy, 'write', request.actor, { bodyId, personId });
      const row = await addActivity({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        input: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(presentActivity(row));
    },
  );

  typed.put(
    '/api/v1/bodies/:bodyId/people/:personId/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Change a CE activity (until a submitted renewal uses it)',
        params: activityParams,
        body: activityInputSchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => {
      const { bodyId, personId, activityId } = request.params;
      const actor = authorize(activityPolicy, 'write', request.actor, { bodyId, personId });
      const row = await updateActivity({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        activityId,
        input: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentActivity(row);
    },
  );

  typed.delete(
    '/api/v1/bodies/:bodyId/people/:personId/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Remove a CE activity (until a submitted renewal uses it)',
        params: activityParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { bodyId, personId, activityId } = request.params;
      const actor = authorize(activityPolicy, 'write', request.actor, { bodyId, personId });
      await removeActivity({
        db: context.db,
        registry: await context.policies.current(),
        now: context.now(),
        bodyId,
        personId,
        activityId,
        actorUserId: actor.userId,
      });
      return reply.status(204).send(null);
    },
  );
}
