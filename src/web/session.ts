import type { Me, Role } from './api/queries';

/** The bodies a user belongs to, in the order of their memberships. */
export function bodiesOf(me: Me): string[] {
  return [...new Set(me.memberships.map((m) => m.bodyId))];
}

export function rolesIn(me: Me, bodyId: string): Set<Role> {
  return new Set(me.memberships.filter((m) => m.bodyId === bodyId).map((m) => m.role));
}

/** The user's own person record in a body, if they are a certificant there. */
export function personIdIn(me: Me, bodyId: string): string | null {
  return me.memberships.find((m) => m.bodyId === bodyId && m.personId !== null)?.personId ?? null;
}

export function isStaffIn(me: Me, bodyId: string): boolean {
  const roles = rolesIn(me, bodyId);
  return roles.has('admin') || roles.has('reviewer');
}

/** Mirrors the server's activity policy: the person themselves and the body's admins change activities. */
export function canChangeActivities(me: Me, bodyId: string, personId: string): boolean {
  return rolesIn(me, bodyId).has('admin') || personIdIn(me, bodyId) === personId;
}

const BODY_KEY = 'recert.body';

function stored(): string | null {
  try {
    return window.localStorage.getItem(BODY_KEY);
  } catch {
    return null;
  }
}

/** The body the user works in: the one they last chose, if still a member, else their first. */
export function chosenBody(me: Me): string | null {
  const bodies = bodiesOf(me);
  const last = stored();
  return last !== null && bodies.includes(last) ? last : (bodies[0] ?? null);
}

export function chooseBody(bodyId: string): void {
  try {
    window.localStorage.setItem(BODY_KEY, bodyId);
  } catch {
    // Private browsing: the choice lasts until the page is reloaded.
  }
}

const ROLE_NAMES: Record<Role, string> = { certificant: 'certificant', reviewer: 'reviewer', admin: 'administrator' };

export function describeRoles(me: Me, bodyId: string): string {
  return [...rolesIn(me, bodyId)].map((role) => ROLE_NAMES[role]).join(', ');
}
