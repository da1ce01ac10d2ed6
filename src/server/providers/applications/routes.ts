import type { FastifyInstance } from 'fastify';
import { registerUploads } from '../../files/uploads';
import type { AppContext } from '../../http/context';
import { applicationFileRoutes } from './application-file-routes';
import { applicationRoutes } from './application-routes';
import { applicationReviewRoutes } from './review-routes';

/** Pre-approval applications: the provider's drafts, files and submissions, and the body's review of them. */
export async function providerApplicationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerUploads(app);
  applicationRoutes(app, context);
  applicationFileRoutes(app, context);
  applicationReviewRoutes(app, context);
}
