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

/** The provider the user acts for in a body, if they are a CE provider's user there. */
export function providerIdIn(me: Me, bodyId: string): string | null {
  return me.memberships.find((m) => m.bodyId === bodyId && m.role === 'provider')?.providerId ?? null;
}

/** The body's name as the server gives it (its id when the user is not a member). */
export function bodyNameOf(me: Me, bodyId: string): string {
  return me.memberships.find((m) => m.bodyId === bodyId)?.bodyName ?? bodyId;
}

export function isAdminIn(me: Me, bodyId: string): boolean {
  return rolesIn(me, bodyId).has('admin');
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
const listeners = new Set<() => void>();
let chosen: string | null | undefined;

/** The body last chosen on this device (kept in localStorage), or null. */
export function storedBody(): string | null {
  if (chosen === undefined) {
    try {
      chosen = window.localStorage.getItem(BODY_KEY);
    } catch {
      chosen = null;
    }
  }
  return chosen;
}

export function subscribeToStoredBody(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function chooseBody(bodyId: string): void {
  chosen = bodyId;
  try {
    window.localStorage.setItem(BODY_KEY, bodyId);
  } catch {
    // Private browsing: the choice lasts until the page is reloaded.
  }
  listeners.forEach((listener) => listener());
}

/** The body the user works in: the one they last chose, if still a member, else their first. */
export function chosenBody(me: Me, choice: string | null = storedBody()): string | null {
  const bodies = bodiesOf(me);
  return choice !== null && bodies.includes(choice) ? choice : (bodies[0] ?? null);
}

const ROLE_NAMES: Record<Role, string> = {
  certificant: 'certificant',
  reviewer: 'reviewer',
  admin: 'administrator',
  provider: 'CE provider',
};

export function describeRoles(me: Me, bodyId: string): string {
  return [...rolesIn(me, bodyId)].map((role) => ROLE_NAMES[role]).join(', ');
}
