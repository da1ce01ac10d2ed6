import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRoutes } from './accounts/routes';
import { SessionCache } from './accounts/session-cache';
import { staffRoutes } from './accounts/staff-routes';
import { activityRoutes } from './activities/routes';
import { reviewRoutes } from './activities/review-routes';
import { evidenceRoutes } from './activities/evidence-routes';
import { auditRoutes } from './audit/routes';
import { certificantRoutes } from './certificants/routes';
import { transcriptRoutes } from './certificants/transcript-routes';
import { calendarRoutes } from './certificants/calendar-routes';
import { peopleAdminRoutes } from './certificants/people-admin-routes';
import { mergeRoutes } from './certificants/merge-routes';
import { appealRoutes } from './providers/appeal-routes';
import { ceCalendarRoutes } from './providers/ce-calendar-routes';
import { offeringRoutes } from './providers/offering-routes';
import { credentialRoutes } from './credentials/routes';
import { providerRoutes } from './providers/provider-routes';
import { attendanceRoutes } from './providers/attendance/routes';
import { providerApplicationRoutes } from './providers/applications/routes';
import { policyRoutes } from './bodies/policy-routes';
import { complianceRoutes } from './compliance/routes';
import { renewalRoutes } from './renewals/routes';
import { notificationRoutes } from './notifications/routes';
import { extensionRoutes } from './extensions/routes';
import { standingRoutes } from './standing/routes';
import { billingRoutes } from './billing/routes';
import { registerAuth } from './http/auth-plugin';
import type { AppContext } from './http/context';
import { registerProblemHandlers } from './http/problem';
import { registerWeb, WEB_DIST_DIR } from './http/web-plugin';

/** The HTTP application: thin handlers over use cases; nothing here owns data. */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: context.config.LOG_LEVEL === 'silent' ? false : { level: context.config.LOG_LEVEL },
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(cookie);
  // Limits only the routes that ask for it (sign-in); the key is the client address.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Recert API', version: '1', description: 'Certification and continuing-education management' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'recert_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const sessionCache = new SessionCache();
  registerAuth(app, { db: context.db, now: context.now, cache: sessionCache });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) } } },
    async () => {
      await context.db.execute('select 1');
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  accountRoutes(app, context, sessionCache);
  staffRoutes(app, context);
  certificantRoutes(app, context);
  transcriptRoutes(app, context);
  calendarRoutes(app, context);
  peopleAdminRoutes(app, context);
  mergeRoutes(app, context);
  providerRoutes(app, context, sessionCache);
  attendanceRoutes(app, context);
  appealRoutes(app, context);
  ceCalendarRoutes(app, context);
  offeringRoutes(app, context);
  await credentialRoutes(app, context);
  activityRoutes(app, context);
  auditRoutes(app, context);
  complianceRoutes(app, context);
  policyRoutes(app, context);
  renewalRoutes(app, context);
  notificationRoutes(app, context);
  extensionRoutes(app, context);
  standingRoutes(app, context);
  reviewRoutes(app, context);
  billingRoutes(app, context);
  await evidenceRoutes(app, context);
  await providerApplicationRoutes(app, context);
  await registerWeb(app, { distDir: WEB_DIST_DIR });
  return app;
}
