import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, type BodyTarget, type EntityPolicy } from '../authorization';
import { bodyParams } from '../certificants/routes';
import { memberships, users } from '../db/schema/accounts';
import type { AppContext } from '../http/context';
import { isMemberOf, rolesIn } from './actor';

const STAFF_ROLES = ['reviewer', 'admin'] as const;

export const staffMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export const staffListSchema = z.object({ staff: z.array(staffMemberSchema) });
export type StaffMember = z.output<typeof staffMemberSchema>;

/**
 * The body's staff list: the people who may sit on a committee (an appeal's, an
 * application's). Members of the body learn it exists; only its staff read it.
 */
const staffListPolicy: EntityPolicy<BodyTarget, 'list-staff'> = {
  see: (actor, { bodyId }) => isMemberOf(actor, bodyId),
  actions: {
    'list-staff': (actor, { bodyId }) => {
      const roles = rolesIn(actor, bodyId);
      return roles.has('admin') || roles.has('reviewer');
    },
  },
};

export function staffRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/bodies/:bodyId/staff',
    {
      schema: {
        tags: ['accounts'],
        summary: "The body's reviewers and admins, by name (staff): whom a committee may name",
        params: bodyParams,
        response: { 200: staffListSchema },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(staffListPolicy, 'list-staff', request.actor, { bodyId });
      const rows = await context.db
        .select({ userId: users.id, displayName: users.displayName, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.bodyId, bodyId), inArray(memberships.role, [...STAFF_ROLES]), isNull(users.disabledAt)))
        .orderBy(asc(users.displayName), asc(users.id));
      const byUser = new Map<string, StaffMember>();
      for (const row of rows) {
        const member = byUser.get(row.userId) ?? { userId: row.userId, displayName: row.displayName, roles: [] };
        member.roles.push(row.role as StaffMember['roles'][number]);
        byUser.set(row.userId, member);
      }
      // Reviewers before admins within one person, whatever order the rows came in.
      for (const member of byUser.values()) member.roles.sort((a, b) => STAFF_ROLES.indexOf(a) - STAFF_ROLES.indexOf(b));
      return { staff: [...byUser.values()] };
    },
  );
}
