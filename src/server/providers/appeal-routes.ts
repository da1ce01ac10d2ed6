import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { appealPolicy, authorize, bodyPolicy, providerPolicy } from '../authorization';
import { bodyParams } from '../certificants/routes';
import type { DbOrTx } from '../db/database';
import { appealVotes, providerAppeals } from '../db/schema/providers';
import type { AppContext } from '../http/context';
import { assignAppealMembers } from './assign-appeal-members';
import { fileAppeal, loadAppeal, type AppealRow } from './file-appeal';
import { replaceAppealMember } from './replace-appeal-member';
import { voteOnAppeal } from './vote-on-appeal';
import { providerParams } from './provider-routes';

const appealSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  noticeId: z.uuid(),
  grounds: z.string(),
  filedAt: z.string(),
  status: z.enum(['open', 'upheld', 'overturned']),
  decidedAt: z.string().nullable(),
  /** The committee's votes; members' names stay internal to the body (ids only for staff). */
  votes: z.array(
    z.object({
      memberUserId: z.string().nullable(),
      vote: z.enum(['uphold', 'overturn']).nullable(),
      votedAt: z.string().nullable(),
    }),
  ),
});
const appealParams = bodyParams.extend({ appealId: z.uuid() });

async function presentAppeal(db: DbOrTx, row: AppealRow, forStaff: boolean): Promise<z.output<typeof appealSchema>> {
  const votes = await db
    .select()
    .from(appealVotes)
    .where(and(eq(appealVotes.bodyId, row.bodyId), eq(appealVotes.appealId, row.id)))
    .orderBy(asc(appealVotes.memberUserId));
  return {
    id: row.id,
    providerId: row.providerId,
    noticeId: row.noticeId,
    grounds: row.grounds,
    filedAt: row.filedAt.toISOString(),
    status: row.status,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    votes: votes.map((v) => ({
      memberUserId: forStaff ? v.memberUserId : null,
      vote: v.vote,
      votedAt: v.votedAt?.toISOString() ?? null,
    })),
  };
}

export function appealRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const body = async (bodyId: string) => {
    const found = (await context.policies.current()).body(bodyId);
    if (!found) throw new RecertError('not-found', 'not found');
    return found;
  };
  /** The appeal, after checking the actor may see its provider. */
  const visibleAppeal = async (bodyId: string, appealId: string, actor: Parameters<typeof authorize>[2]) => {
    const row = await loadAppeal(context.db, bodyId, appealId).catch((error: unknown) => {
      authorize(bodyPolicy, 'read', actor, { bodyId });
      throw error;
    });
    return { row, target: { bodyId, providerId: row.providerId } };
  };

  typed.post(
    '/api/v1/bodies/:bodyId/providers/:providerId/appeals',
    {
      schema: {
        tags: ['providers'],
        summary: 'Appeal a termination to the Review and Appeals Committee, within the appeal period (the provider)',
        params: providerParams,
        body: z.strictObject({
          noticeId: z.uuid(),
          grounds: z.string().trim().min(10, 'say why, in at least 10 characters').max(10000),
        }),
        response: { 201: appealSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(providerPolicy, 'appeal', request.actor, { bodyId, providerId });
      const { timeZone, providers } = await body(bodyId);
      const row = await fileAppeal({
        db: context.db,
        bodyId,
        timeZone,
        appealDays: providers.appealDays,
        providerId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(await presentAppeal(context.db, row, false));
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/providers/:providerId/appeals',
    {
      schema: {
        tags: ['providers'],
        summary: "A provider's appeals, newest first (the provider, staff)",
        params: providerParams,
        response: { 200: z.object({ appeals: z.array(appealSchema) }) },
      },
    },
    async (request) => {
      const { bodyId, providerId } = request.params;
      const actor = authorize(appealPolicy, 'read', request.actor, { bodyId, providerId });
      const rows = await context.db
        .select()
        .from(providerAppeals)
        .where(and(eq(providerAppeals.bodyId, bodyId), eq(providerAppeals.providerId, providerId)))
        .orderBy(desc(providerAppeals.filedAt));
      const forStaff = appealPolicy.actions.vote(actor, { bodyId, providerId });
      return { appeals: await Promise.all(rows.map((row) => presentAppeal(context.db, row, forStaff))) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/appeals',
    {
      schema: {
        tags: ['providers'],
        summary: 'Appeals, open first (staff)',
        params: bodyParams,
        response: { 200: z.object({ appeals: z.array(appealSchema) }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'list-providers', request.actor, { bodyId });
      const rows = await context.db
        .select()
        .from(providerAppeals)
        .where(eq(providerAppeals.bodyId, bodyId))
        .orderBy(desc(eq(providerAppeals.status, 'open')), desc(providerAppeals.filedAt))
        .limit(500);
      return { appeals: await Promise.all(rows.map((row) => presentAppeal(context.db, row, true))) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/appeals/:appealId',
    { schema: { tags: ['providers'], summary: 'An appeal', params: appealParams, response: { 200: appealSchema } } },
    async (request) => {
      const { bodyId, appealId } = request.params;
      const { row, target } = await visibleAppeal(bodyId, appealId, request.actor);
      const actor = authorize(appealPolicy, 'read', request.actor, target);
      return presentAppeal(context.db, row, appealPolicy.actions.vote(actor, target));
    },
  );

  typed.put(
    '/api/v1/bodies/:bodyId/appeals/:appealId/committee',
    {
      schema: {
        tags: ['providers'],
        summary: 'Name the committee members who decide the appeal: an odd number of reviewers and admins (admins)',
        params: appealParams,
        body: z.strictObject({
          userIds: z
            .array(z.uuid())
            .min(1)
            .max(15)
            .refine((ids) => ids.length % 2 === 1, 'must be an odd number of members, so the majority is never tied')
            .refine((ids) => new Set(ids).size === ids.length, 'must not name a member twice'),
        }),
        response: { 200: appealSchema },
      },
    },
    async (request) => {
      const { bodyId, appealId } = request.params;
      const { target } = await visibleAppeal(bodyId, appealId, request.actor);
      const actor = authorize(appealPolicy, 'assign', request.actor, target);
      await assignAppealMembers({
        db: context.db,
        mailer: context.mailer,
        body: await body(bodyId),
        appealId,
        userIds: request.body.userIds,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentAppeal(context.db, await loadAppeal(context.db, bodyId, appealId), true);
    },
  );

  typed.put(
    '/api/v1/bodies/:bodyId/appeals/:appealId/committee/:memberUserId',
    {
      schema: {
        tags: ['providers'],
        summary:
          'Replace a committee member who has not voted with another reviewer or admin, keeping the committee odd; refused (409) once they voted (admins)',
        params: appealParams.extend({ memberUserId: z.uuid('must be a user id') }),
        body: z.strictObject({ userId: z.uuid('must be a user id') }),
        response: { 200: appealSchema },
      },
    },
    async (request) => {
      const { bodyId, appealId, memberUserId } = request.params;
      const { target } = await visibleAppeal(bodyId, appealId, request.actor);
      const actor = authorize(appealPolicy, 'assign', request.actor, target);
      await replaceAppealMember({
        db: context.db,
        mailer: context.mailer,
        body: await body(bodyId),
        appealId,
        memberUserId,
        replacementUserId: request.body.userId,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentAppeal(context.db, await loadAppeal(context.db, bodyId, appealId), true);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/appeals/:appealId/votes',
    {
      schema: {
        tags: ['providers'],
        summary: "A committee member's vote; the majority decides, finally",
        params: appealParams,
        body: z.strictObject({
          vote: z.enum(['uphold', 'overturn']),
          comment: z.string().trim().max(4000).nullable().default(null),
        }),
        response: { 200: appealSchema },
      },
    },
    async (request) => {
      const { bodyId, appealId } = request.params;
      const { target } = await visibleAppeal(bodyId, appealId, request.actor);
      const actor = authorize(appealPolicy, 'vote', request.actor, target);
      const row = await voteOnAppeal({
        db: context.db,
        mailer: context.mailer,
        bodyName: (await body(bodyId)).name,
        bodyId,
        appealId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentAppeal(context.db, row, true);
    },
  );
}
