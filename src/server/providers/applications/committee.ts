import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { memberships, users } from '../../db/schema/accounts';

export interface CommitteeMember {
  userId: string;
  name: string;
  roles: ('reviewer' | 'admin')[];
}

/** Who may sit on an application's committee: the body's reviewers and admins (the coordinator and the CE committee). */
export async function committeeMembers(db: DbOrTx, bodyId: string): Promise<CommitteeMember[]> {
  const rows = await db
    .select({ userId: users.id, name: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.bodyId, bodyId), inArray(memberships.role, ['reviewer', 'admin'])))
    .orderBy(asc(users.displayName), asc(users.id));
  const byUser = new Map<string, CommitteeMember>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, roles: [] };
    member.roles.push(row.role as 'reviewer' | 'admin');
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}
