import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context';
import { apiKeyRoutes } from './api-key-routes';
import { AttendanceFollowUp } from './attendance-follow-up';
import { recordsRoutes } from './records-routes';
import { rosterRoutes } from './roster-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Completes matched attendance (confirmations, figures) after it is recorded; tests and benchmarks wait on it. */
    attendanceFollowUp: AttendanceFollowUp;
  }
}

/** Attendance reporting, confirmations of completion and their records. */
export function attendanceRoutes(app: FastifyInstance, context: AppContext): void {
  const followUp = new AttendanceFollowUp(context, app.log);
  app.decorate('attendanceFollowUp', followUp);
  // Tests sweep when they choose to, so that what they check cannot change under them.
  if (context.config.NODE_ENV !== 'test') app.addHook('onReady', async () => followUp.start());
  app.addHook('onClose', async () => followUp.stop());
  apiKeyRoutes(app, context);
  rosterRoutes(app, context, followUp);
  recordsRoutes(app, context);
}
