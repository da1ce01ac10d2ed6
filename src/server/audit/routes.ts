import { and, desc, eq, like, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, personPolicy } from '../authorization';
import { personParams } from '../certificants/routes';
import { users } from '../db/schema/accounts';
import { auditLog } from '../db/schema/audit';
import type { AppContext } from '../http/context';

const entrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  /** The actor's display name; null for a change made by the system or by a user since removed. */
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const auditPageSchema = z.object({
  entries: z.array(entrySchema),
  /** The `before` cursor of the next (older) page; null on the last page. */
  next: z.number().int().nullable(),
});
export type AuditEntryView = z.output<typeof entrySchema>;
export type AuditPage = z.output<typeof auditPageSchema>;

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z-]+(\.[a-z-]+)?$/, 'must be an action ("activity.added") or a kind of action ("activity")')
    .optional(),
});

// An action as stored ("activity.added"), or a kind of action ("activity"): every action of that kind.
function actionFilter(action: string): SQL | undefined {
  return action.includes('.')
    ? eq(auditLog.action, action)
    : or(eq(auditLog.action, action), like(auditLog.action, `${action}.%`));
}

/** The audit log is read-only through the API: there is no route that changes or deletes it. */
export function auditRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/bodies/:bodyId/people/:personId/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Every recorded change concerning a person, newest first, with who made it (admins); page with `before` (the previous answer’s `next`), filter with `action`',
        params: personParams,
        querystring: auditQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      const { limit, before, action } = request.query;
      authorize(personPolicy, 'read-audit', request.actor, { bodyId, personId });
      // One row more than asked tells whether an older page exists.
      const rows = await context.db
        .select({ entry: auditLog, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(
          and(
            eq(auditLog.bodyId, bodyId),
            eq(auditLog.personId, personId),
            before === undefined ? undefined : lt(auditLog.id, before),
            action === undefined ? undefined : actionFilter(action),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        entries: page.map(({ entry, actorName }) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          actorUserId: entry.actorUserId,
          actorName,
          entity: entry.entity,
          entityId: entry.entityId,
          action: entry.action,
          before: entry.before,
          after: entry.after,
          reason: entry.reason,
        })),
        next: rows.length > limit ? page[page.length - 1]!.entry.id : null,
      };
    },
  );
}
