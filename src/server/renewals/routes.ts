import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, bodyPolicy, renewalPolicy } from '../authorization';
import { bodyParams, personParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { approveRenewal } from './approve-renewal';
import { decideRenewalItem } from './decide-renewal-item';
import { getRenewalOptions } from './get-renewal-options';
import { listPersonRenewals } from './list-person-renewals';
import { listRenewals } from './list-renewals';
import { loadRenewalRow, presentRenewal } from './load-renewal';
import {
  itemDecisionBodySchema,
  personRenewalsSchema,
  renewalOptionsSchema,
  renewalQueueQuerySchema,
  renewalQueueSchema,
  renewalSchema,
  returnBodySchema,
  submitRenewalBodySchema,
} from './renewal-schemas';
import { returnRenewal } from './return-renewal';
import { submitRenewal } from './submit-renewal';

const certificationParams = personParams.extend({ certificationId: z.uuid('must be a certification id') });
const renewalParams = personParams.extend({ renewalId: z.uuid('must be a renewal id') });

/** Renewal applications: what renewing means today, submission, staff's queue, audit decisions, approval and return. */
export function renewalRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['renewals'];
  const base = '/api/v1/bodies/:bodyId/people/:personId';

  typed.get(
    `${base}/renewals`,
    {
      schema: {
        tags,
        summary: "A person's certifications, where each stands for renewal, and its latest application",
        params: personParams,
        response: { 200: personRenewalsSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(renewalPolicy, 'read', request.actor, { bodyId, personId });
      return listPersonRenewals({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        now: context.now(),
      });
    },
  );

  typed.get(
    `${base}/certifications/:certificationId/renewal`,
    {
      schema: {
        tags,
        summary: 'What renewing a certification means today: window, fees, activities, ethics, refusals, applications',
        params: certificationParams,
        response: { 200: renewalOptionsSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, certificationId } = request.params;
      authorize(renewalPolicy, 'read', request.actor, { bodyId, personId });
      return getRenewalOptions({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        certificationId,
        now: context.now(),
      });
    },
  );

  typed.post(
    `${base}/certifications/:certificationId/renewal`,
    {
      schema: {
        tags,
        summary: 'Submit a renewal application with the chosen activities (and the ethics attestation when the program has one)',
        params: certificationParams,
        body: submitRenewalBodySchema,
        response: { 201: renewalSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId, certificationId } = request.params;
      const actor = authorize(renewalPolicy, 'submit', request.actor, { bodyId, personId });
      const row = await submitRenewal({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        certificationId,
        activityIds: request.body.activityIds,
        ethicsAttested: request.body.ethicsAttested,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.code(201).send(await presentRenewal(context.db, row));
    },
  );

  typed.get(
    `${base}/renewals/:renewalId`,
    {
      schema: { tags, summary: 'A renewal application', params: renewalParams, response: { 200: renewalSchema } },
    },
    async (request) => {
      const { bodyId, personId, renewalId } = request.params;
      authorize(renewalPolicy, 'read', request.actor, { bodyId, personId });
      return presentRenewal(context.db, await loadRenewalRow(context.db, { bodyId, personId, renewalId }));
    },
  );

  typed.post(
    `${base}/renewals/:renewalId/items/:activityId/decision`,
    {
      schema: {
        tags,
        summary: "Accept or reject an audited application's evidence for one activity (staff, not their own)",
        params: renewalParams.extend({ activityId: z.uuid() }),
        body: itemDecisionBodySchema,
        response: { 200: renewalSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, renewalId, activityId } = request.params;
      const actor = authorize(renewalPolicy, 'decide', request.actor, { bodyId, personId });
      const row = await decideRenewalItem({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        renewalId,
        activityId,
        decision: request.body.decision,
        reason: request.body.reason || null,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentRenewal(context.db, row);
    },
  );

  typed.post(
    `${base}/renewals/:renewalId/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a paid renewal application: the certification is renewed and the next cycle starts (staff)',
        params: renewalParams,
        response: { 200: renewalSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, renewalId } = request.params;
      const actor = authorize(renewalPolicy, 'decide', request.actor, { bodyId, personId });
      const row = await approveRenewal({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        renewalId,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentRenewal(context.db, row);
    },
  );

  typed.post(
    `${base}/renewals/:renewalId/return`,
    {
      schema: {
        tags,
        summary: 'Return a renewal application with reasons; the person may submit again (staff)',
        params: renewalParams,
        body: returnBodySchema,
        response: { 200: renewalSchema },
      },
    },
    async (request) => {
      const { bodyId, personId, renewalId } = request.params;
      const actor = authorize(renewalPolicy, 'decide', request.actor, { bodyId, personId });
      const row = await returnRenewal({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        renewalId,
        reasons: request.body.reasons,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return presentRenewal(context.db, row);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/renewals',
    {
      schema: {
        tags,
        summary:
          "Staff's renewal queue: paid applications oldest first with their age against the target, and those awaiting payment",
        params: bodyParams,
        querystring: renewalQueueQuerySchema,
        response: { 200: renewalQueueSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'review-queue', request.actor, { bodyId });
      return listRenewals({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        state: request.query.state,
        automatic: request.query.automatic,
        now: context.now(),
      });
    },
  );
}
