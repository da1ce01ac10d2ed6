import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applicationPolicy, authorize } from '../../authorization';
import type { AppContext } from '../../http/context';
import {
  applicationListSchema,
  applicationParams,
  applicationSchema,
  draftBodySchema,
  listQuerySchema,
  providerParams,
  withdrawBodySchema,
} from './application-schemas';
import { createApplication } from './create-application';
import { loadApplication } from './load-application';
import { listApplications } from './list-applications';
import { routeTools } from './route-tools';
import { submitApplication } from './submit-application';
import { updateApplication } from './update-application';
import { withdrawApplication } from './withdraw-application';

/** A provider drafts, submits and withdraws its applications; it and the body's staff read them. */
export function applicationRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['provider applications'];
  const base = '/api/v1/bodies/:bodyId/providers/:providerId/applications';
  const { inputs, view, timeZoneOf } = routeTools(context);

  typed.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start an application for pre-approval of an offering, as a draft that may be incomplete (the provider)',
        params: providerParams,
        body: draftBodySchema,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      const row = await createApplication({ ...(await inputs(actor)), ...request.params, content: request.body.content });
      return reply.status(201).send(await view(actor, row));
    },
  );

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: "A provider's applications, most recently changed first (the provider, staff)",
        params: providerParams,
        querystring: listQuerySchema,
        response: { 200: applicationListSchema },
      },
    },
    async (request) => {
      authorize(applicationPolicy, 'read', request.actor, request.params);
      const timeZone = await timeZoneOf(request.params.bodyId);
      return {
        applications: await listApplications(context.db, { ...request.params, ...request.query, timeZone, now: context.now() }),
      };
    },
  );

  typed.get(
    `${base}/:applicationId`,
    {
      schema: {
        tags,
        summary: 'One application: content, versions, files, clock, decision, offering (the provider; staff also see votes)',
        params: applicationParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'read', request.actor, request.params);
      return view(actor, await loadApplication(context.db, request.params));
    },
  );

  typed.put(
    `${base}/:applicationId`,
    {
      schema: {
        tags,
        summary: 'Save the draft (while a draft, or after more information was asked for; otherwise 409)',
        params: applicationParams,
        body: draftBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      return view(actor, await updateApplication({ ...(await inputs(actor)), ...request.params, content: request.body.content }));
    },
  );

  typed.post(
    `${base}/:applicationId/submit`,
    {
      schema: {
        tags,
        summary:
          'Submit: checked whole (400 names every missing field), frozen as the next version, the clock started or resumed',
        params: applicationParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      return view(actor, await submitApplication({ ...(await inputs(actor)), ...request.params }));
    },
  );

  typed.post(
    `${base}/:applicationId/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw the application before a decision (the provider)',
        params: applicationParams,
        body: withdrawBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      const reason = request.body.reason ?? null;
      return view(actor, await withdrawApplication({ ...(await inputs(actor)), ...request.params, reason }));
    },
  );
}
