import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dateAt } from '../../core/dates/today';
import { RecertError } from '../../core/errors';
import { bodyParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { calendarFeed, calendarQuerySchema, calendarSchema, ceCalendar } from './ce-calendar';

/** The public CE calendar of approved offerings: no sign-in, nothing private. */
export function ceCalendarRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const listings = async (bodyId: string, query: Parameters<typeof ceCalendar>[0]['query']) => {
    const body = (await context.policies.current()).body(bodyId);
    if (!body) throw new RecertError('not-found', 'not found');
    const today = dateAt(body.timeZone, context.now());
    return { body, listings: await ceCalendar({ db: context.db, bodyId, bodyName: body.name, today, query }) };
  };

  typed.get(
    '/api/v1/bodies/:bodyId/ce-calendar',
    {
      schema: {
        tags: ['providers'],
        summary: 'Pre-approved CE offerings, public: filter by dates, type, category, virtual or in person, words',
        params: bodyParams,
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
    },
    async (request) => {
      const { body, listings: found } = await listings(request.params.bodyId, request.query);
      return { body: body.name, listings: found };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/ce-calendar.ics',
    {
      schema: {
        tags: ['providers'],
        summary: 'The public CE calendar as an iCal feed (same filters)',
        params: bodyParams,
        querystring: calendarQuerySchema,
      },
    },
    async (request, reply) => {
      const { body, listings: found } = await listings(request.params.bodyId, { ...request.query, limit: 500 });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${body.id}-ce-calendar.ics"`)
        .send(calendarFeed(body.id, body.name, found));
    },
  );
}
