import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { providerIdIn } from '../../accounts/actor';
import { authorize, providerPolicy } from '../../authorization';
import { bodyParams } from '../../certificants/routes';
import { requireActor } from '../../http/auth-plugin';
import type { AppContext } from '../../http/context';
import { bearerKey, reporterForKey, type Reporter } from './api-keys';
import type { AttendanceFollowUp } from './attendance-follow-up';
import { attendanceRowSchema, rosterJsonSchema, rosterReportSchema } from './attendance-schemas';
import { importRoster } from './import-roster';
import { checkOpenForReporting, findOffering } from './offering-access';
import { CONFIRMATIONS_PER_DOCUMENT, confirmationOf, listAttendance, offeringConfirmations } from './provider-confirmations';
import { ROSTER_COLUMNS, rosterFromCsv, rosterFromJson, type Roster } from './read-roster';

// A roster of 200,000 rows is some 25 MB of JSON.
const ROSTER_BYTES = 64 * 1024 * 1024;
const offeringParams = bodyParams.extend({ offeringId: z.uuid('must be an offering id') });
const tags = ['attendance'];
const REPORTING = `Signed in as the offering's provider (with the CSRF token), or with the provider's API key as
\`Authorization: Bearer <key>\` (no session, no CSRF token). All or nothing: any refused row and nothing is
recorded; the problem lists every row and field at fault. A re-upload never duplicates: one row per attendee
(certificant number, else e-mail) and completion date; changed names, hours or grades update the row and are listed.`;

/** The provider's user, or the provider itself when the request carries its API key. */
async function reporterOf(context: AppContext, request: FastifyRequest): Promise<Reporter> {
  const key = bearerKey(request);
  if (key) return reporterForKey(context.db, key);
  const actor = requireActor(request);
  return { actor, userId: actor.userId, via: 'session' };
}

export function rosterRoutes(app: FastifyInstance, context: AppContext, followUp: AttendanceFollowUp): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  if (!app.hasContentTypeParser('text/csv'))
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const report = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { bodyId, offeringId }: z.output<typeof offeringParams>,
    read: () => Roster,
  ) => {
    const reporter = await reporterOf(context, request);
    const found = await findOffering(context.db, bodyId, offeringId);
    authorize(providerPolicy, 'report-attendance', reporter.actor, { bodyId, providerId: found.offering.providerId });
    checkOpenForReporting(found);
    const { report, pending } = await importRoster({
      db: context.db,
      registry: await context.policies.current(),
      bodyId,
      offeringId,
      roster: read(),
      reporter,
      now: context.now(),
    });
    const left = await followUp.afterImport(bodyId, offeringId, pending);
    // What is left is completed in the background, once the provider has the answer.
    if (left > 0) reply.raw.once('close', () => void followUp.run(bodyId));
    return { ...report, confirmationsPending: left };
  };

  typed.post(
    '/api/v1/bodies/:bodyId/offerings/:offeringId/attendance',
    {
      bodyLimit: ROSTER_BYTES,
      config: { apiKey: true },
      schema: {
        tags,
        summary: 'Report attendance of an approved offering as JSON rows (its provider, or its API key)',
        description: REPORTING,
        params: offeringParams,
        body: rosterJsonSchema,
        response: { 200: rosterReportSchema },
      },
    },
    (request, reply) => report(request, reply, request.params, () => rosterFromJson(request.body.rows)),
  );

  typed.post(
    '/api/v1/bodies/:bodyId/offerings/:offeringId/attendance/csv',
    {
      bodyLimit: ROSTER_BYTES,
      config: { apiKey: true },
      schema: {
        tags,
        summary: `Report attendance of an approved offering as CSV (columns ${ROSTER_COLUMNS.join(', ')}; e-mail or number per row)`,
        description: REPORTING,
        consumes: ['text/csv'],
        params: offeringParams,
        body: z.string().min(1, 'send the CSV file as the request body with content-type text/csv'),
        response: { 200: rosterReportSchema },
      },
    },
    (request, reply) => report(request, reply, request.params, () => rosterFromCsv(request.body)),
  );

  /** The offering, if the actor may see its provider (its own users and staff); 404 otherwise. */
  const visibleOffering = async (request: FastifyRequest, bodyId: string, offeringId: string) => {
    const found = await findOffering(context.db, bodyId, offeringId);
    const providerId = found.offering.providerId;
    const actor = authorize(providerPolicy, 'read', request.actor, { bodyId, providerId });
    // Only the provider's own download hands a confirmation over to an attendee; staff only look.
    return { found, handOver: providerIdIn(actor, bodyId) === providerId };
  };

  typed.get(
    '/api/v1/bodies/:bodyId/offerings/:offeringId/attendance',
    {
      schema: {
        tags,
        summary: "An offering's reported attendance, by name (its provider and staff)",
        params: offeringParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ attendance: z.array(attendanceRowSchema) }) },
      },
    },
    async (request) => {
      const { bodyId, offeringId } = request.params;
      await visibleOffering(request, bodyId, offeringId);
      const registry = await context.policies.current();
      return { attendance: await listAttendance(context.db, registry, bodyId, offeringId, request.query) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/offerings/:offeringId/attendance/:attendanceId/confirmation',
    {
      schema: {
        tags,
        summary: "One attendee's Confirmation of Completion (PDF; its provider and staff)",
        params: offeringParams.extend({ attendanceId: z.uuid('must be an attendance row id') }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { bodyId, offeringId, attendanceId } = request.params;
      const { handOver } = await visibleOffering(request, bodyId, offeringId);
      const { filename, bytes } = await confirmationOf({
        db: context.db,
        registry: await context.policies.current(),
        files: context.files,
        bodyId,
        offeringId,
        attendanceId,
        handOver,
        now: context.now(),
      });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(bytes);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/offerings/:offeringId/confirmations',
    {
      schema: {
        tags,
        summary: `Every attendee's confirmation in one PDF, a page each, ${CONFIRMATIONS_PER_DOCUMENT} at a time (header x-next-from gives the next part)`,
        params: offeringParams,
        querystring: z.object({ from: z.coerce.number().int().min(0).default(0) }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { bodyId, offeringId } = request.params;
      const { found, handOver } = await visibleOffering(request, bodyId, offeringId);
      const { bytes, next } = await offeringConfirmations({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        offeringId,
        from: request.query.from,
        handOver,
        now: context.now(),
      });
      if (next !== null) reply.header('x-next-from', String(next));
      const filename = `confirmations-${found.offering.approvalCode}${request.query.from ? `-from-${request.query.from}` : ''}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
        .send(Buffer.from(bytes));
    },
  );
}
