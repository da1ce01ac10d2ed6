import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { authorize, personPolicy } from '../authorization';
import type { AppContext } from '../http/context';
import { calendarToken, deadlineCalendar } from './deadline-calendar';
import { bodyParams, personParams } from './routes';

export function calendarRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = () => (context.config.PUBLIC_URL ?? `http://localhost:${context.config.PORT}`).replace(/\/$/, '');
  const linkSchema = z.object({ url: z.url() });

  const link = async (bodyId: string, personId: string, rotate: boolean) => ({
    url: `${publicUrl()}/api/v1/bodies/${bodyId}/calendar/${await calendarToken(context.db, bodyId, personId, rotate)}.ics`,
  });

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/calendar-link',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Your private iCal feed of deadlines (made on first request)',
        params: personParams,
        response: { 200: linkSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(personPolicy, 'calendar-feed', request.actor, { bodyId, personId });
      return link(bodyId, personId, false);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/calendar-link',
    {
      schema: {
        tags: ['certificants'],
        summary: 'Replace the feed link (the old one stops working)',
        params: personParams,
        response: { 200: linkSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(personPolicy, 'calendar-feed', request.actor, { bodyId, personId });
      return link(bodyId, personId, true);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/calendar/:feed',
    {
      schema: {
        tags: ['certificants'],
        summary: 'The iCal feed itself; the secret in its URL is the only credential, so calendar apps can subscribe',
        params: bodyParams.extend({ feed: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, 'is not a feed') }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const { bodyId, feed } = request.params;
      const token = feed.slice(0, -'.ics'.length);
      const registry = await context.policies.current();
      if (!registry.body(bodyId)) throw new RecertError('not-found', 'not found');
      const text = await deadlineCalendar({ db: context.db, registry, bodyId, token, now: context.now() });
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=3600').send(text);
    },
  );
}
