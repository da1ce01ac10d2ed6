import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';
import { authorize, bodyPolicy, personPolicy } from '../authorization';
import { people } from '../db/schema/people';
import { memberships, userEmails } from '../db/schema/accounts';
import type { AppContext } from '../http/context';
import { zodFastSerializerCompiler } from '../http/zod-fast-serializer';
import { getProgressView } from './get-progress';
import { loadPerson } from './load-person-record';
import { personSchema, presentPerson, progressSchema } from './present-person';

export const bodyParams = z.object({ bodyId: z.string().min(1).max(64) });
export const personParams = bodyParams.extend({ personId: z.uuid('must be a person id') });

export function certificantRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/bodies/:bodyId/people',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Search certificants by name, number or e-mail (staff)',
        params: bodyParams,
        querystring: z.object({
          q: z.string().trim().max(200).default(''),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ people: z.array(personSchema) }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'search-people', request.actor, { bodyId });
      const email = request.query.q.toLowerCase();
      const pattern = `%${request.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await context.db
        .select()
        .from(people)
        .where(
          and(
            eq(people.bodyId, bodyId),
            isNull(people.mergedInto),
            or(
              ilike(people.legalName, pattern),
              ilike(people.number, pattern),
              sql`${email} = any(${people.contactEmails})`,
              sql`exists (select 1 from ${memberships} m join ${userEmails} e on e.user_id = m.user_id
                where m.body_id = ${people.bodyId} and m.person_id = ${people.id} and e.email = ${email})`,
            ),
          ),
        )
        .orderBy(asc(people.legalName))
        .limit(request.query.limit);
      return { people: rows.map(presentPerson) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId',
    { schema: { tags: ['certificants'], summary: 'A certificant', params: personParams, response: { 200: personSchema } } },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(personPolicy, 'read', request.actor, { bodyId, personId });
      return presentPerson(await loadPerson(context.db, bodyId, personId));
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/progress',
    {
      schema: {
        tags: ['certificants'],
        summary: "Where a certificant stands: each certification's cycle, requirements, credit per activity, deadlines",
        params: personParams,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: { 200: progressSchema },
      },
      // The answer is large: checked by its zod schema as everywhere, written by a serializer compiled from it.
      serializerCompiler: zodFastSerializerCompiler,
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(personPolicy, 'read', request.actor, { bodyId, personId });
      return getProgressView({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        asOf: request.query.asOf,
        now: context.now(),
      });
    },
  );
}
