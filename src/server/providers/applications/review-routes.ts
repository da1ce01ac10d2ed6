import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applicationPolicy, authorize, bodyPolicy } from '../../authorization';
import { bodyParams } from '../../certificants/routes';
import type { AppContext } from '../../http/context';
import {
  applicationListSchema,
  applicationParams,
  applicationSchema,
  assignBodySchema,
  decisionBodySchema,
  listQuerySchema,
  queueSchema,
  reviewerParams,
  voteBodySchema,
} from './application-schemas';
import { assignReviewers } from './assign-reviewers';
import { decideApplication } from './decide-application';
import { applicationQueue, listApplications } from './list-applications';
import { recordVote } from './record-vote';
import { removeReviewer } from './remove-reviewer';
import { routeTools } from './route-tools';

/** The body's staff: the queue, every application, the committee, its votes and the coordinator's decision. */
export function applicationReviewRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['provider applications'];
  const one = '/api/v1/bodies/:bodyId/providers/:providerId/applications/:applicationId';
  const { inputs, view, timeZoneOf } = routeTools(context);

  typed.get(
    '/api/v1/bodies/:bodyId/reviews/applications',
    {
      schema: {
        tags,
        summary:
          'Submitted applications, the soonest decision due first, with days left (negative and `overdue` when late) (staff)',
        params: bodyParams,
        response: { 200: queueSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'application-queue', request.actor, { bodyId });
      return { items: await applicationQueue(context.db, { bodyId, timeZone: await timeZoneOf(bodyId), now: context.now() }) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/applications',
    {
      schema: {
        tags,
        summary: "Every provider's applications, most recently changed first; filter by status (staff)",
        params: bodyParams,
        querystring: listQuerySchema,
        response: { 200: applicationListSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'application-queue', request.actor, { bodyId });
      const timeZone = await timeZoneOf(bodyId);
      return {
        applications: await listApplications(context.db, { bodyId, status: request.query.status, timeZone, now: context.now() }),
      };
    },
  );

  typed.post(
    `${one}/reviewers`,
    {
      schema: {
        tags,
        summary:
          'Assign committee members (reviewers or admins of this body, as GET .../staff lists them) to a submitted application (coordinator)',
        params: applicationParams,
        body: assignBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'coordinate', request.actor, request.params);
      return view(actor, await assignReviewers({ ...(await inputs(actor)), ...request.params, ...request.body }));
    },
  );

  typed.delete(
    `${one}/reviewers/:userId`,
    {
      schema: {
        tags,
        summary:
          'Take a committee member off an application before the decision; refused (409) once they voted, as the vote is part of the record (coordinator)',
        params: reviewerParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'coordinate', request.actor, request.params);
      return view(actor, await removeReviewer({ ...(await inputs(actor)), ...request.params }));
    },
  );

  typed.put(
    `${one}/vote`,
    {
      schema: {
        tags,
        summary: 'Record or change your vote and comment (assigned committee members only; others 403)',
        params: applicationParams,
        body: voteBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'vote', request.actor, request.params);
      return view(actor, await recordVote({ ...(await inputs(actor)), ...request.params, ...request.body }));
    },
  );

  typed.post(
    `${one}/decision`,
    {
      schema: {
        tags,
        summary:
          'Decide: approve (hours, categories; issues the approval code), approve-with-changes, more-information (pauses the clock), reject (coordinator)',
        params: applicationParams,
        body: decisionBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'coordinate', request.actor, request.params);
      return view(actor, await decideApplication({ ...(await inputs(actor)), ...request.params, decision: request.body }));
    },
  );
}
