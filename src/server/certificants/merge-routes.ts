import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, bodyPolicy } from '../authorization';
import type { DbOrTx } from '../db/database';
import { people, personMerges } from '../db/schema/people';
import type { AppContext } from '../http/context';
import { findDuplicates } from './find-duplicates';
import { mergePeople } from './merge-people';
import {
  duplicatesSchema,
  mergeRequestSchema,
  mergeSchema,
  mergesSchema,
  reverseMergeRequestSchema,
  type MergeView,
} from './merge-schemas';
import { reverseMerge } from './reverse-merge';
import { bodyParams } from './routes';

const survivor = aliasedTable(people, 'survivor');
const merged = aliasedTable(people, 'merged');

/** Merges of a body (or one merge), newest first, with both people's numbers and names. */
async function listMerges(db: DbOrTx, bodyId: string, mergeId?: string): Promise<MergeView[]> {
  const rows = await db
    .select({
      merge: personMerges,
      survivor: { id: survivor.id, number: survivor.number, legalName: survivor.legalName },
      merged: { id: merged.id, number: merged.number, legalName: merged.legalName },
    })
    .from(personMerges)
    .innerJoin(survivor, and(eq(survivor.bodyId, personMerges.bodyId), eq(survivor.id, personMerges.survivorId)))
    .innerJoin(merged, and(eq(merged.bodyId, personMerges.bodyId), eq(merged.id, personMerges.mergedId)))
    .where(and(eq(personMerges.bodyId, bodyId), mergeId ? eq(personMerges.id, mergeId) : undefined))
    .orderBy(desc(personMerges.mergedAt))
    .limit(500);
  return rows.map(({ merge, survivor, merged }) => ({
    id: merge.id,
    survivor,
    merged,
    reason: merge.reason,
    mergedAt: merge.mergedAt.toISOString(),
    mergedBy: merge.mergedBy,
    moved: {
      certifications: merge.moved.certificationIds.length,
      activities: merge.moved.activityIds.length,
      evidence: merge.moved.evidenceIds.length,
      signIns: merge.moved.membershipUserIds.length,
    },
    keptApart: merge.moved.keptApartPrograms,
    reversedAt: merge.reversedAt?.toISOString() ?? null,
    reversedBy: merge.reversedBy,
    reverseReason: merge.reverseReason,
  }));
}

export function mergeRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const mergeParams = bodyParams.extend({ mergeId: z.uuid() });

  typed.get(
    '/api/v1/bodies/:bodyId/duplicates',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Likely duplicate records: the same name and birth date, or a shared e-mail (admins)',
        params: bodyParams,
        response: { 200: duplicatesSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'merge-people', request.actor, { bodyId });
      return { pairs: await findDuplicates(context.db, bodyId) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/merges',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Merges, newest first (admins)',
        params: bodyParams,
        response: { 200: mergesSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'merge-people', request.actor, { bodyId });
      return { merges: await listMerges(context.db, bodyId) };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/merges',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Merge a duplicate record into the one that stays, moving every record; logged and reversible (admins)',
        params: bodyParams,
        body: mergeRequestSchema,
        response: { 201: mergeSchema },
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      const actor = authorize(bodyPolicy, 'merge-people', request.actor, { bodyId });
      const mergeId = await mergePeople({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      const [view] = await listMerges(context.db, bodyId, mergeId);
      return reply.status(201).send(view!);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/merges/:mergeId/reverse',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Reverse a merge: what moved goes back to the merged record (admins)',
        params: mergeParams,
        body: reverseMergeRequestSchema,
        response: { 200: mergeSchema },
      },
    },
    async (request) => {
      const { bodyId, mergeId } = request.params;
      const actor = authorize(bodyPolicy, 'merge-people', request.actor, { bodyId });
      await reverseMerge({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        mergeId,
        reason: request.body.reason,
        actorUserId: actor.userId,
        now: context.now(),
      });
      const [view] = await listMerges(context.db, bodyId, mergeId);
      return view!;
    },
  );
}
