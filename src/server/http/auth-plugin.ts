import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { RecertError } from '../../core/errors';
import type { Actor } from '../accounts/actor';
import type { SessionCache } from '../accounts/session-cache';
import { actorForSession, SESSION_COOKIE } from '../accounts/sessions';
import type { Db } from '../db/database';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route also accepts an API key (`Authorization: Bearer`), which it checks itself: see below. */
    apiKey?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves the session cookie to an actor on every request, and requires the
 * session's CSRF token in `x-csrf-token` on every state-changing request made
 * with that cookie (the cookie is also SameSite=Lax and httpOnly).
 */
export function registerAuth(app: FastifyInstance, options: { db: Db; now: () => Date; cache: SessionCache }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    // A bearer key on a route that takes one stands alone: no session, hence no CSRF token (a page of another
    // site cannot set this header, so it cannot forge such a request).
    if (request.routeOptions.config.apiKey && /^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = options.now();
    let session = options.cache.get(token, Date.now());
    if (!session) {
      session = (await actorForSession(options.db, token, now)) ?? undefined;
      if (!session) return;
      options.cache.set(token, session, Date.now());
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new RecertError('forbidden', 'missing or wrong x-csrf-token header; read it from GET /api/v1/me');
      }
    }
  });
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new RecertError('unauthenticated', 'sign in first');
  return request.actor;
}
