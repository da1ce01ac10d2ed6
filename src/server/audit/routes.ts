import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, personPolicy } from '../authorization';
import { personParams } from '../certificants/routes';
import { auditLog } from '../db/schema/audit';
import type { AppContext } from '../http/context';

const entrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

/** The audit log is read-only through the API: there is no route that changes or deletes it. */
export function auditRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/bodies/:bodyId/people/:personId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every recorded change concerning a person, newest first (admins)',
        params: personParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ entries: z.array(entrySchema) }) },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(personPolicy, 'read-audit', request.actor, { bodyId, personId });
      const rows = await context.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.bodyId, bodyId), eq(auditLog.personId, personId)))
        .orderBy(desc(auditLog.id))
        .limit(request.query.limit);
      return {
        entries: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorUserId: row.actorUserId,
          entity: row.entity,
          entityId: row.entityId,
          action: row.action,
          before: row.before,
          after: row.after,
          reason: row.reason,
        })),
      };
    },
  );
}
