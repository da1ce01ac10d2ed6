import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../../core/errors';
import { authorize, bodyPolicy } from '../../authorization';
import { bodyParams } from '../../certificants/routes';
import type { AppContext } from '../../http/context';
import { attendanceCounts, overdueConfirmations, verifyConfirmation } from './attendance-overview';
import { countsSchema, overdueSchema, purgeRequestSchema, purgeResultSchema, verificationSchema } from './attendance-schemas';
import { purgeAttendance } from './purge-attendance';

/** Anyone's check of a confirmation; staff's monitoring of confirmations; admins' purge of old records. */
export function recordsRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attendance'];

  typed.get(
    '/api/v1/bodies/:bodyId/confirmations/:verificationCode',
    {
      schema: {
        tags,
        summary: 'Check a Confirmation of Completion by its verification code (anyone; no e-mail or number is shown)',
        params: bodyParams.extend({ verificationCode: z.string().trim().min(1).max(40) }),
        response: { 200: verificationSchema },
      },
      // Like sign-in: codes cannot be guessed, and must not be tried by the thousand either.
      config: { rateLimit: { max: context.config.SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { bodyId, verificationCode } = request.params;
      if (!(await context.policies.current()).body(bodyId)) throw new RecertError('not-found', 'not found');
      return verifyConfirmation(context.db, bodyId, verificationCode);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/attendance/overdue',
    {
      schema: {
        tags,
        summary:
          'Offerings past their window for confirmations with attendees still lacking one, and those with no roster at all (staff)',
        params: bodyParams,
        response: { 200: overdueSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'list-providers', request.actor, { bodyId });
      return overdueConfirmations(context.db, await context.policies.current(), bodyId, context.now());
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/attendance/counts',
    {
      schema: {
        tags,
        summary: "Every offering's attendance: rows, matched, unmatched, confirmed (staff)",
        params: bodyParams,
        response: { 200: countsSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'list-providers', request.actor, { bodyId });
      return attendanceCounts(context.db, bodyId);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/attendance/purge',
    {
      schema: {
        tags,
        summary:
          "Purge attendance records, grades and confirmations past the body's records period: named rows, or all completed before a date (admins; logged)",
        params: bodyParams,
        body: purgeRequestSchema,
        response: { 200: purgeResultSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      const actor = authorize(bodyPolicy, 'purge-records', request.actor, { bodyId });
      return purgeAttendance({
        db: context.db,
        registry: await context.policies.current(),
        files: context.files,
        bodyId,
        request: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
    },
  );
}
