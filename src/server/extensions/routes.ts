import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, bodyPolicy, extensionPolicy } from '../authorization';
import { getProgress } from '../certificants/get-progress';
import { bodyParams, personParams } from '../certificants/routes';
import { people } from '../db/schema/people';
import { EXTENSION_STATES, extensions } from '../db/schema/renewals';
import type { AppContext } from '../http/context';
import { decideExtension } from './decide-extension';
import {
  extensionDecisionBodySchema,
  extensionQueueSchema,
  extensionSchema,
  personExtensionsSchema,
  requestExtensionBodySchema,
} from './extension-schemas';
import { extensionTerms } from './extension-terms';
import { loadExtension } from './load-extension';
import { presentExtensions } from './present-extension';
import { requestExtension } from './request-extension';

export function extensionRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['extensions'];

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/extensions',
    {
      schema: {
        tags,
        summary:
          "A person's extension requests, and for each certification the terms of one and the activities that could support it",
        params: personParams,
        response: { 200: personExtensionsSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(extensionPolicy, 'read', request.actor, { bodyId, personId });
      const registry = await context.policies.current();
      const now = context.now();
      const progress = await getProgress({ db: context.db, registry, bodyId, personId, now });
      const rows = await context.db
        .select()
        .from(extensions)
        .where(and(eq(extensions.bodyId, bodyId), eq(extensions.personId, personId)))
        .orderBy(asc(extensions.requestedAt));
      return {
        extensions: await presentExtensions(context.db, registry, bodyId, rows),
        terms: await extensionTerms({ db: context.db, registry, bodyId, progress, now }),
      };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/extensions',
    {
      schema: {
        tags,
        summary:
          "Request an extension of a cycle's due date, with certificates for the policy's share of the credit (the person, an admin)",
        params: personParams,
        body: requestExtensionBodySchema,
        response: { 201: extensionSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId } = request.params;
      const actor = authorize(extensionPolicy, 'request', request.actor, { bodyId, personId });
      const registry = await context.policies.current();
      const row = await requestExtension({
        db: context.db,
        registry,
        bodyId,
        personId,
        program: request.body.program,
        activityIds: request.body.activityIds,
        note: request.body.note || null,
        actorUserId: actor.userId,
        now: context.now(),
      });
      const [view] = await presentExtensions(context.db, registry, bodyId, [row]);
      return reply.status(201).send(view!);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/extensions',
    {
      schema: {
        tags,
        summary: 'Extension requests in one state, oldest first, with the credit evidenced and whether the fee is paid (staff)',
        params: bodyParams,
        querystring: z.object({ state: z.enum(EXTENSION_STATES).default('requested') }),
        response: { 200: extensionQueueSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'extension-queue', request.actor, { bodyId });
      const rows = await context.db
        .select({ extension: extensions, person: { id: people.id, number: people.number, legalName: people.legalName } })
        .from(extensions)
        .innerJoin(people, and(eq(people.bodyId, extensions.bodyId), eq(people.id, extensions.personId)))
        .where(and(eq(extensions.bodyId, bodyId), eq(extensions.state, request.query.state)))
        .orderBy(asc(extensions.requestedAt))
        .limit(500);
      const views = await presentExtensions(
        context.db,
        await context.policies.current(),
        bodyId,
        rows.map((row) => row.extension),
      );
      return { items: rows.map((row, index) => ({ extension: views[index]!, person: row.person })) };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/extensions/:extensionId/decision',
    {
      schema: {
        tags,
        summary: 'Grant (once the fee is paid) or refuse, with a reason, a requested extension (staff, not their own)',
        params: bodyParams.extend({ extensionId: z.uuid() }),
        body: extensionDecisionBodySchema,
        response: { 200: extensionSchema },
      },
    },
    async (request) => {
      const { bodyId, extensionId } = request.params;
      // Someone who may not see the body learns nothing, found or not.
      const row = await loadExtension(context.db, bodyId, extensionId).catch((error: unknown) => {
        authorize(bodyPolicy, 'read', request.actor, { bodyId });
        throw error;
      });
      const actor = authorize(extensionPolicy, 'decide', request.actor, { bodyId, personId: row.personId });
      const registry = await context.policies.current();
      const decided = await decideExtension({
        db: context.db,
        registry,
        bodyId,
        extensionId,
        decision: request.body.decision,
        reason: request.body.reason || null,
        actorUserId: actor.userId,
        now: context.now(),
      });
      const [view] = await presentExtensions(context.db, registry, bodyId, [decided]);
      return view!;
    },
  );
}
