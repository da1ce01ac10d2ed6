import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { bodyParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { credentialIssueRoutes } from './credential-routes';
import { lookUpGoodStanding, standingSchema } from './good-standing';

/** Public lookups per address and minute: enough for an employer checking a list, not for harvesting the register. */
const LOOKUPS_PER_MINUTE = 60;

export async function credentialRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await credentialIssueRoutes(app, context);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/bodies/:bodyId/good-standing',
    {
      schema: {
        tags: ['credentials'],
        summary:
          'Public: whether a person holds a certification in good standing, with its dates (by certificate number or name)',
        params: bodyParams,
        querystring: z.object({
          q: z.string().trim().min(3, 'give a certificate number or at least 3 letters of the name').max(200),
        }),
        response: { 200: standingSchema },
      },
      config: { rateLimit: { max: LOOKUPS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { bodyId } = request.params;
      const registry = await context.policies.current();
      if (!registry.body(bodyId)) throw new RecertError('not-found', 'not found');
      return lookUpGoodStanding({ db: context.db, registry, bodyId, query: request.query.q, now: context.now() });
    },
  );
}
