import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, providerPolicy } from '../../authorization';
import type { AppContext } from '../../http/context';
import { providerParams } from '../provider-routes';
import { apiKeyPrefix, revokeApiKey, rotateApiKey } from './api-keys';
import { apiKeySchema } from './attendance-schemas';

/** The provider's API key for reporting attendance: its own users create, replace and revoke it. */
export function apiKeyRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attendance'];

  typed.post(
    '/api/v1/bodies/:bodyId/providers/:providerId/api-key',
    {
      schema: {
        tags,
        summary:
          "Create the provider's API key for attendance reporting, replacing any earlier one; shown this once (its own users)",
        params: providerParams,
        response: { 201: apiKeySchema },
      },
    },
    async (request, reply) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(providerPolicy, 'manage-api-key', request.actor, { bodyId, providerId });
      const created = await rotateApiKey({ db: context.db, bodyId, providerId, actorUserId: actor.userId, now: context.now() });
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/providers/:providerId/api-key',
    {
      schema: {
        tags,
        summary: "The first characters of the provider's API key, or null when it has none (its users and staff)",
        params: providerParams,
        response: { 200: z.object({ prefix: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { bodyId, providerId } = request.params;
      authorize(providerPolicy, 'read', request.actor, { bodyId, providerId });
      return { prefix: await apiKeyPrefix(context.db, bodyId, providerId) };
    },
  );

  typed.delete(
    '/api/v1/bodies/:bodyId/providers/:providerId/api-key',
    {
      schema: {
        tags,
        summary: "Revoke the provider's API key (its own users)",
        params: providerParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(providerPolicy, 'manage-api-key', request.actor, { bodyId, providerId });
      await revokeApiKey({ db: context.db, bodyId, providerId, actorUserId: actor.userId });
      return reply.status(204).send(null);
    },
  );
}
