import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../db/schema/accounts';
import { requireActor } from '../http/auth-plugin';
import type { AppContext } from '../http/context';
import { RecertError } from '../../core/errors';
import { actorForSession, endSession, SESSION_COOKIE } from './sessions';
import { completePasswordReset, requestPasswordReset } from './password-reset';
import type { SessionCache } from './session-cache';
import { addEmail, listEmails, removeEmail } from './user-emails';
import { signIn } from './sign-in';
import { newPasswordSchema } from './account-schemas';

const meSchema = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  memberships: z.array(
    z.object({
      bodyId: z.string(),
      bodyName: z.string(),
      role: z.enum(ROLES),
      personId: z.uuid().nullable(),
      providerId: z.uuid().nullable(),
    }),
  ),
  csrfToken: z.string(),
});

export function accountRoutes(app: FastifyInstance, context: AppContext, sessionCache: SessionCache): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: context.config.COOKIE_SECURE };

  typed.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with any of your e-mail addresses',
        body: z.strictObject({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) }),
        response: { 200: meSchema },
      },
      config: { rateLimit: { max: context.config.SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const session = await signIn({
        db: context.db,
        ...request.body,
        sessionDays: context.config.SESSION_DAYS,
        now: context.now(),
      });
      // Max-Age, not Expires: the browser's clock may differ from the server's, and the session ends when the server says.
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: context.config.SESSION_DAYS * 86_400 });
      const current = await actorForSession(context.db, session.token, context.now());
      if (!current) throw new RecertError('unauthenticated', 'the session could not be started');
      const actor = current.actor;
      return {
        user: { id: actor.userId, displayName: actor.displayName },
        memberships: actor.memberships,
        csrfToken: session.csrfToken,
      };
    },
  );

  typed.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['accounts'],
        summary: 'E-mail a one-time link to reset the password (the answer is the same whether the address is known or not)',
        body: z.strictObject({ email: z.string().trim().min(3).max(320) }),
        response: { 202: z.object({ message: z.string() }) },
      },
      config: { rateLimit: { max: context.config.SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const publicUrl = context.config.PUBLIC_URL ?? `http://localhost:${context.config.PORT}`;
      await requestPasswordReset({
        db: context.db,
        mailer: context.mailer,
        email: request.body.email,
        publicUrl,
        now: context.now(),
      });
      return reply.status(202).send({ message: 'If that address belongs to an account, a reset link is on its way.' });
    },
  );

  typed.post(
    '/api/v1/auth/password-reset/complete',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Choose a new password with a reset link; every session of the account ends',
        body: z.strictObject({
          token: z.string().min(10).max(200),
          password: newPasswordSchema,
        }),
        response: { 204: z.null() },
      },
      config: { rateLimit: { max: context.config.SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const userId = await completePasswordReset({ db: context.db, ...request.body, now: context.now() });
      sessionCache.forgetUser(userId);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    '/api/v1/auth/sign-out',
    { schema: { tags: ['accounts'], summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await endSession(context.db, token);
        sessionCache.forgetToken(token);
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  const emailsSchema = z.object({ emails: z.array(z.string()) });
  typed.get(
    '/api/v1/me/emails',
    { schema: { tags: ['accounts'], summary: 'Your sign-in addresses', response: { 200: emailsSchema } } },
    async (request) => ({ emails: await listEmails(context.db, requireActor(request).userId) }),
  );
  typed.post(
    '/api/v1/me/emails',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Add a sign-in address (any of them signs you in)',
        body: z.strictObject({ email: z.email('must be an e-mail address').max(320) }),
        response: { 200: emailsSchema },
      },
    },
    async (request) => ({ emails: await addEmail(context.db, requireActor(request), request.body.email) }),
  );
  typed.delete(
    '/api/v1/me/emails/:email',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Remove a sign-in address (not the last)',
        params: z.object({ email: z.string().min(3).max(320) }),
        response: { 200: emailsSchema },
      },
    },
    async (request) => ({ emails: await removeEmail(context.db, requireActor(request), request.params.email) }),
  );

  typed.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who is signed in, their roles per body, and the CSRF token',
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        user: { id: actor.userId, displayName: actor.displayName },
        memberships: actor.memberships,
        csrfToken: request.csrfToken!,
      };
    },
  );
}
