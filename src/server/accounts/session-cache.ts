import type { SessionActor } from './sessions';

const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

/**
 * Remembers who is behind a session token for a few seconds, so a burst of
 * requests does not look the session up every time. Sign-out and password
 * resets forget entries at once in this process; other processes of a
 * deployment may honour an ended session for at most TTL_MS.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionActor; until: number }>();

  get(token: string, now: number): SessionActor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: SessionActor, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { value, until: now + TTL_MS });
  }

  forgetToken(token: string): void {
    this.entries.delete(token);
  }

  forgetUser(userId: string): void {
    for (const [token, entry] of this.entries) if (entry.value.actor.userId === userId) this.entries.delete(token);
  }
}
