import type { Role } from '../db/schema/accounts';

export interface Membership {
  bodyId: string;
  bodyName: string;
  role: Role;
  personId: string | null;
  /** The provider a `provider` membership acts for. */
  providerId: string | null;
}

/** Who is making a request: the signed-in user and their roles per body. */
export interface Actor {
  userId: string;
  displayName: string;
  memberships: Membership[];
}

export function rolesIn(actor: Actor | null, bodyId: string): Set<Role> {
  return new Set(actor?.memberships.filter((m) => m.bodyId === bodyId).map((m) => m.role) ?? []);
}

export function personIdIn(actor: Actor | null, bodyId: string): string | null {
  return actor?.memberships.find((m) => m.bodyId === bodyId && m.personId !== null)?.personId ?? null;
}

export function isMemberOf(actor: Actor | null, bodyId: string): boolean {
  return rolesIn(actor, bodyId).size > 0;
}

export function providerIdIn(actor: Actor | null, bodyId: string): string | null {
  return actor?.memberships.find((m) => m.bodyId === bodyId && m.role === 'provider')?.providerId ?? null;
}
