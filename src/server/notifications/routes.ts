import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../accounts/actor';
import { authorize, noticePolicy } from '../authorization';
import { loadPerson } from '../certificants/load-person-record';
import { personParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { getNotificationPreferences } from './get-notification-preferences';
import { countUnread, listNotifications } from './list-notifications';
import { markNotificationsRead } from './mark-notifications-read';
import { NoticeEmailSweep } from './notice-email-sweep';
import {
  inboxQuerySchema,
  inboxSchema,
  markReadSchema,
  preferencesSchema,
  preferencesUpdateSchema,
  unreadSchema,
} from './notification-schemas';
import { setNotificationPreferences } from './set-notification-preferences';

type NoticeAction = keyof typeof noticePolicy.actions;

declare module 'fastify' {
  interface FastifyInstance {
    noticeEmails: NoticeEmailSweep;
  }
}

export function notificationRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const sweep = new NoticeEmailSweep(context, app.log);
  app.decorate('noticeEmails', sweep);
  // Tests send when they choose to, so that what they check cannot change under them.
  if (context.config.NODE_ENV !== 'test') app.addHook('onReady', async () => sweep.start());
  app.addHook('onClose', async () => sweep.stop());
  const base = '/api/v1/bodies/:bodyId/people/:personId';
  /** Authorizes, then makes sure the record exists: an admin asking about one that does not hears so (404). */
  const allowed = async (action: NoticeAction, actor: Actor | null, bodyId: string, personId: string) => {
    const allowedActor = authorize(noticePolicy, action, actor, { bodyId, personId });
    await loadPerson(context.db, bodyId, personId);
    return allowedActor;
  };

  typed.get(
    `${base}/notifications`,
    {
      schema: {
        tags: ['notifications'],
        summary: "A person's notices, newest first, and how many are unread (the person; admins)",
        params: personParams,
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      await allowed('read', request.actor, bodyId, personId);
      const { unread, limit, before } = request.query;
      return listNotifications({ db: context.db, bodyId, personId, unreadOnly: unread, limit, before });
    },
  );

  typed.get(
    `${base}/notifications/unread-count`,
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of the person\u2019s notices are unread (the navigation badge)',
        params: personParams,
        response: { 200: unreadSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      await allowed('read', request.actor, bodyId, personId);
      return { unread: await countUnread(context.db, bodyId, personId) };
    },
  );

  typed.post(
    `${base}/notifications/read`,
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notices read: some by id, or all (the person only)',
        params: personParams,
        body: markReadSchema,
        response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      await allowed('mark-read', request.actor, bodyId, personId);
      const marked = await markNotificationsRead({ db: context.db, bodyId, personId, which: request.body, now: context.now() });
      return { marked, unread: await countUnread(context.db, bodyId, personId) };
    },
  );

  typed.get(
    `${base}/notification-preferences`,
    {
      schema: {
        tags: ['notifications'],
        summary: 'Every kind of notice: e-mailed or not, and whether the body makes it mandatory',
        params: personParams,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      await allowed('read-preferences', request.actor, bodyId, personId);
      return getNotificationPreferences({ db: context.db, registry: await context.policies.current(), bodyId, personId });
    },
  );

  typed.put(
    `${base}/notification-preferences`,
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose which notices are e-mailed (the person only; mandatory kinds cannot be turned off)',
        params: personParams,
        body: preferencesUpdateSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      const actor = await allowed('set-preferences', request.actor, bodyId, personId);
      return setNotificationPreferences({
        db: context.db,
        registry: await context.policies.current(),
        bodyId,
        personId,
        update: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
    },
  );
}
