import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesIn } from '../accounts/actor';
import { authorize, bodyPolicy, personPolicy } from '../authorization';
import type { AppContext } from '../http/context';
import { addPerson } from './add-person';
import { IMPORT_COLUMNS, importPeople } from './import-people';
import { newPersonSchema, profileChangeSchema } from './person-schemas';
import { updateProfile } from './update-profile';
import { personSchema, presentPerson } from './present-person';
import { bodyParams, personParams } from './routes';

const IMPORT_LIMIT = 10 * 1024 * 1024;

export function peopleAdminRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Add a certificant with the certifications they hold (admins)',
        params: bodyParams,
        body: newPersonSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      const actor = authorize(bodyPolicy, 'add-people', request.actor, { bodyId });
      const row = await addPerson({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        person: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(presentPerson(row));
    },
  );

  typed.patch(
    '/api/v1/bodies/:bodyId/people/:personId',
    {
      schema: {
        tags: ['certificants'],
        summary:
          'Change a profile: the legal name exactly as it will print, birth date, city and state (the person or an admin); membership (admins)',
        params: personParams,
        body: profileChangeSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      const actor = authorize(personPolicy, 'update-profile', request.actor, { bodyId, personId });
      const row = await updateProfile({
        db: context.db,
        bodyId,
        personId,
        change: request.body,
        mayChangeMembership: rolesIn(actor, bodyId).has('admin'),
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentPerson(row);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/import',
    {
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags: ['certificants'],
        summary: `Import certificants with their history from CSV (admins): columns ${IMPORT_COLUMNS.join(', ')}; one row per certification held. All or nothing.`,
        params: bodyParams,
        consumes: ['text/csv'],
        body: z.string().min(1, 'send the CSV file as the request body with content-type text/csv'),
        response: { 200: z.object({ rows: z.number().int(), added: z.number().int(), unchanged: z.number().int() }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      const actor = authorize(bodyPolicy, 'add-people', request.actor, { bodyId });
      return importPeople({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        csv: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
    },
  );
}
