import { and, asc, desc, eq, ilike, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import type { Body } from '../../core/policies/body-schema';
import type { SessionCache } from '../accounts/session-cache';
import { authorize, bodyPolicy, providerPolicy } from '../authorization';
import { bodyParams } from '../certificants/routes';
import { providerNotices, providers, PROVIDER_STATUSES } from '../db/schema/providers';
import type { AppContext } from '../http/context';
import { appealDeadline } from './file-appeal';
import { presentProvider } from './present-provider';
import {
  noticeRequestSchema,
  noticeSchema,
  noticesSchema,
  providerChangeSchema,
  providerSchema,
  registrationSchema,
} from './provider-schemas';
import { recordNotice } from './record-notice';
import { registerProvider } from './register-provider';
import { loadProvider, updateProvider } from './update-provider';

/** Staff see who wrote a notice; the provider sees the decision. A termination says until when it may be appealed. */
function presentNotice(row: typeof providerNotices.$inferSelect, body: Body, forStaff: boolean): z.output<typeof noticeSchema> {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    at: row.at.toISOString(),
    by: forStaff ? row.byUserId : null,
    appealBy: row.kind === 'termination' ? appealDeadline(row.at, body.timeZone, body.providers.appealDays) : null,
  };
}

export const providerParams = bodyParams.extend({ providerId: z.uuid() });

export function providerRoutes(app: FastifyInstance, context: AppContext, sessionCache: SessionCache): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const program = async (bodyId: string) => {
    const body = (await context.policies.current()).body(bodyId);
    if (!body) throw new RecertError('not-found', 'not found');
    return body;
  };

  typed.post(
    '/api/v1/bodies/:bodyId/providers',
    {
      schema: {
        tags: ['providers'],
        summary: 'Register as a CE provider: anyone may (signed in, or with a new account)',
        params: bodyParams,
        body: registrationSchema,
        response: { 201: providerSchema },
      },
      config: { rateLimit: { max: context.config.SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      await program(bodyId);
      const row = await registerProvider({
        db: context.db,
        bodyId,
        details: request.body.provider,
        actor: request.actor,
        account: request.body.account,
      });
      if (request.actor) sessionCache.forgetUser(request.actor.userId);
      return reply.status(201).send(presentProvider(row));
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/providers',
    {
      schema: {
        tags: ['providers'],
        summary: 'Providers of the body, by name (staff)',
        params: bodyParams,
        querystring: z.object({
          q: z.string().trim().max(200).default(''),
          status: z.enum(PROVIDER_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ providers: z.array(providerSchema) }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'list-providers', request.actor, { bodyId });
      const { q, status, limit } = request.query;
      const rows = await context.db
        .select()
        .from(providers)
        .where(
          and(
            eq(providers.bodyId, bodyId),
            q ? ilike(providers.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
            status ? eq(providers.status, status) : undefined,
          ),
        )
        .orderBy(asc(providers.name))
        .limit(limit);
      return { providers: rows.map(presentProvider) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/providers/:providerId',
    { schema: { tags: ['providers'], summary: 'A provider', params: providerParams, response: { 200: providerSchema } } },
    async (request) => {
      const { bodyId, providerId } = request.params;
      authorize(providerPolicy, 'read', request.actor, { bodyId, providerId });
      return presentProvider(await loadProvider(context.db, bodyId, providerId));
    },
  );

  typed.patch(
    '/api/v1/bodies/:bodyId/providers/:providerId',
    {
      schema: {
        tags: ['providers'],
        summary: "Change a provider's details (its users, admins)",
        params: providerParams,
        body: providerChangeSchema,
        response: { 200: providerSchema },
      },
    },
    async (request) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(providerPolicy, 'update', request.actor, { bodyId, providerId });
      const row = await updateProvider({ db: context.db, bodyId, providerId, change: request.body, actorUserId: actor.userId });
      return presentProvider(row);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/providers/:providerId/notices',
    {
      schema: {
        tags: ['providers'],
        summary: 'Monitoring notes (staff only), warnings, suspensions, terminations and reinstatements, newest first',
        params: providerParams,
        response: { 200: noticesSchema },
      },
    },
    async (request) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(providerPolicy, 'read', request.actor, { bodyId, providerId });
      const isStaff = providerPolicy.actions.note(actor, { bodyId, providerId });
      const body = await program(bodyId);
      const rows = await context.db
        .select()
        .from(providerNotices)
        .where(
          and(
            eq(providerNotices.bodyId, bodyId),
            eq(providerNotices.providerId, providerId),
            // Internal notes are the body's own; the provider sees what was decided about it.
            isStaff ? undefined : inArray(providerNotices.kind, ['warning', 'suspension', 'termination', 'reinstatement']),
          ),
        )
        .orderBy(desc(providerNotices.at));
      return { notices: rows.map((row) => presentNotice(row, body, isStaff)) };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/providers/:providerId/notices',
    {
      schema: {
        tags: ['providers'],
        summary:
          'Record a monitoring note (staff), or warn, suspend, terminate or reinstate the provider (admins), with a reason',
        params: providerParams,
        body: noticeRequestSchema,
        response: { 201: noticeSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, providerId } = request.params;
      const action = request.body.kind === 'note' ? 'note' : 'change-status';
      const actor = authorize(providerPolicy, action, request.actor, { bodyId, providerId });
      const body = await program(bodyId);
      const row = await recordNotice({
        db: context.db,
        mailer: context.mailer,
        bodyId,
        bodyName: body.name,
        providerId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(presentNotice(row, body, true));
    },
  );
}
