import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, bodyPolicy, standingPolicy } from '../authorization';
import { bodyParams, personParams } from '../certificants/routes';
import { certifications, people } from '../db/schema/people';
import { standingDecisions } from '../db/schema/renewals';
import type { AppContext } from '../http/context';
import { appealStanding } from './appeal-standing';
import { decideStanding } from './decide-standing';
import { decideStandingAppeal } from './decide-standing-appeal';
import { presentStandingDecision, type StandingDecisionRow } from './load-standing';
import {
  standingAppealBodySchema,
  standingAppealDecisionBodySchema,
  standingAppealsSchema,
  standingDecisionBodySchema,
  standingDecisionSchema,
  standingDecisionsSchema,
} from './standing-schemas';

const decisionParams = personParams.extend({ decisionId: z.uuid() });

export function standingRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['standing'];
  /** The program of each certification the rows name, to present them. */
  const present = async (bodyId: string, rows: StandingDecisionRow[]) => {
    if (rows.length === 0) return [];
    const held = await context.db
      .select({ id: certifications.id, programId: certifications.programId })
      .from(certifications)
      .where(
        and(eq(certifications.bodyId, bodyId), inArray(certifications.id, [...new Set(rows.map((r) => r.certificationId))])),
      );
    const programOf = new Map(held.map((row) => [row.id, row.programId]));
    return rows.map((row) => presentStandingDecision(row, programOf.get(row.certificationId) ?? ''));
  };

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/standing',
    {
      schema: {
        tags,
        summary: "Ethics decisions on a person's certifications and their appeals, oldest first (the person, staff)",
        params: personParams,
        response: { 200: standingDecisionsSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(standingPolicy, 'read', request.actor, { bodyId, personId });
      const rows = await context.db
        .select()
        .from(standingDecisions)
        .where(and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.personId, personId)))
        .orderBy(asc(standingDecisions.decidedAt));
      return { decisions: await present(bodyId, rows) };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/standing',
    {
      schema: {
        tags,
        summary: 'Suspend, withdraw or restore a certification, with the reason (admins)',
        params: personParams,
        body: standingDecisionBodySchema,
        response: { 201: standingDecisionSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId } = request.params;
      const actor = authorize(standingPolicy, 'decide', request.actor, { bodyId, personId });
      const row = await decideStanding({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send((await present(bodyId, [row]))[0]!);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/standing/:decisionId/appeal',
    {
      schema: {
        tags,
        summary: 'Appeal a suspension or withdrawal within the appeal period, once (the person)',
        params: decisionParams,
        body: standingAppealBodySchema,
        response: { 200: standingDecisionSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, decisionId } = request.params;
      const actor = authorize(standingPolicy, 'appeal', request.actor, { bodyId, personId });
      const row = await appealStanding({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        decisionId,
        text: request.body.text,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return (await present(bodyId, [row]))[0]!;
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/standing/:decisionId/appeal-decision',
    {
      schema: {
        tags,
        summary: 'Decide an appeal, finally: upheld, or overturned (the hold is lifted), with the reason (admins)',
        params: decisionParams,
        body: standingAppealDecisionBodySchema,
        response: { 200: standingDecisionSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, decisionId } = request.params;
      const actor = authorize(standingPolicy, 'decide-appeal', request.actor, { bodyId, personId });
      const row = await decideStandingAppeal({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        decisionId,
        ...request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return (await present(bodyId, [row]))[0]!;
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/standing-appeals',
    {
      schema: {
        tags,
        summary: 'Appeals of ethics decisions, oldest first: pending ones, or decided ones (admins)',
        params: bodyParams,
        querystring: z.object({ state: z.enum(['pending', 'decided']).default('pending') }),
        response: { 200: standingAppealsSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'standing-appeals', request.actor, { bodyId });
      const rows = await context.db
        .select({ decision: standingDecisions, person: { id: people.id, number: people.number, legalName: people.legalName } })
        .from(standingDecisions)
        .innerJoin(people, and(eq(people.bodyId, standingDecisions.bodyId), eq(people.id, standingDecisions.personId)))
        .where(
          and(
            eq(standingDecisions.bodyId, bodyId),
            isNotNull(standingDecisions.appealText),
            request.query.state === 'pending'
              ? isNull(standingDecisions.appealOutcome)
              : isNotNull(standingDecisions.appealOutcome),
          ),
        )
        .orderBy(asc(standingDecisions.appealedAt))
        .limit(500);
      const views = await present(
        bodyId,
        rows.map((row) => row.decision),
      );
      return { items: rows.map((row, index) => ({ decision: views[index]!, person: row.person })) };
    },
  );
}
