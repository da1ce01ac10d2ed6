import { amount } from '../format';

/**
 * The exam's answers on their way to the server, one question at a time: each choice is saved as soon
 * as it is made, the latest choice wins, and nothing is lost to a failed request.
 *
 * Per question at most one request is in flight, so two saves of the same question never race (the
 * server would keep whichever arrived last); a choice made meanwhile waits for it and is sent next. A
 * request that fails for a reason that may pass (no connection, a server error, too many requests) is
 * retried after 1, 2, 4 ... seconds, at most 30 s apart, and at once when the browser is back online.
 * One the server refuses (the time is up, the attempt is closed) is not retried: it is said, and
 * the page stops taking answers.
 *
 * Pure: the page gives it the time (`now`, milliseconds of any monotonic clock) and performs the sends.
 */

export interface Slot {
  /** The candidate's latest choice. */
  wanted: string;
  /** What the server has confirmed, if anything. */
  saved: string | null;
  /** The choice being sent now, if a request is in flight. */
  sending: string | null;
  /** Failed tries in a row of this question. */
  failures: number;
  /** When the next try may go (after a failure). */
  retryAt: number | null;
  /** The server's refusal, which no retry changes. */
  refusal: string | null;
}

export type Saves = Readonly<Record<string, Slot>>;

/** The answers the server already holds (on resuming): saved, nothing to send. */
export function savesFrom(saved: Readonly<Record<string, string>>): Saves {
  const saves: Record<string, Slot> = {};
  for (const [question, option] of Object.entries(saved)) {
    saves[question] = { wanted: option, saved: option, sending: null, failures: 0, retryAt: null, refusal: null };
  }
  return saves;
}

/** The candidate chose `option` for `question`. */
export function choose(saves: Saves, question: string, option: string): Saves {
  const slot = saves[question];
  if (slot?.wanted === option) return saves;
  return {
    ...saves,
    [question]: slot
      ? { ...slot, wanted: option, retryAt: null }
      : { wanted: option, saved: null, sending: null, failures: 0, retryAt: null, refusal: null },
  };
}

/** The requests to send at `now`: each question whose latest choice is not saved, not in flight, not waiting to retry. */
export function dueSends(saves: Saves, now: number): { question: string; option: string }[] {
  return Object.entries(saves).flatMap(([question, slot]) =>
    slot.sending === null && slot.refusal === null && slot.wanted !== slot.saved && (slot.retryAt === null || slot.retryAt <= now)
      ? [{ question, option: slot.wanted }]
      : [],
  );
}

function update(saves: Saves, question: string, change: (slot: Slot) => Slot): Saves {
  const slot = saves[question];
  return slot ? { ...saves, [question]: change(slot) } : saves;
}

export function markSending(saves: Saves, question: string, option: string): Saves {
  return update(saves, question, (slot) => ({ ...slot, sending: option }));
}

/** The server saved `option` (the choice sent, which may since have changed again). */
export function markSaved(saves: Saves, question: string, option: string): Saves {
  return update(saves, question, (slot) => ({ ...slot, saved: option, sending: null, failures: 0, retryAt: null }));
}

/** Seconds between tries after `failures` failures in a row: 1, 2, 4, 8, 16, then 30. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/** A request failure worth retrying: no connection (0), a timeout, too many requests, a server error. */
export function isTransient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The request failed at `now`; `refusal` (the server's words) when retrying would not help. */
export function markFailed(saves: Saves, question: string, now: number, refusal: string | null = null): Saves {
  return update(saves, question, (slot) => {
    const failures = slot.failures + 1;
    return refusal === null
      ? { ...slot, sending: null, failures, retryAt: now + backoffMs(failures) }
      : { ...slot, sending: null, failures, retryAt: null, refusal };
  });
}

/** Back online: every question waiting to retry may go now. */
export function retryNow(saves: Saves): Saves {
  let changed = false;
  const next: Record<string, Slot> = {};
  for (const [question, slot] of Object.entries(saves)) {
    if (slot.retryAt !== null) changed = true;
    next[question] = slot.retryAt === null ? slot : { ...slot, retryAt: null };
  }
  return changed ? next : saves;
}

/** When the next retry is due (to wake up then), or null. */
export function nextRetryAt(saves: Saves): number | null {
  let next: number | null = null;
  for (const slot of Object.values(saves)) {
    if (slot.refusal === null && slot.sending === null && slot.retryAt !== null && slot.wanted !== slot.saved) {
      next = next === null ? slot.retryAt : Math.min(next, slot.retryAt);
    }
  }
  return next;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saved'; count: number }
  | { kind: 'saving'; pending: number }
  | { kind: 'retrying'; pending: number; retryInMs: number | null }
  | { kind: 'refused'; message: string; questions: string[] };

/** Where the answers stand as a whole, for the one status line of the page. */
export function saveStatus(saves: Saves, now: number): SaveStatus {
  const slots = Object.entries(saves);
  const refused = slots.filter(([, slot]) => slot.refusal !== null && slot.wanted !== slot.saved);
  if (refused.length > 0) {
    return { kind: 'refused', message: refused[0]![1].refusal!, questions: refused.map(([question]) => question) };
  }
  const pending = slots.filter(([, slot]) => slot.wanted !== slot.saved);
  if (pending.length === 0) return slots.length === 0 ? { kind: 'idle' } : { kind: 'saved', count: slots.length };
  const retry = nextRetryAt(saves);
  if (pending.some(([, slot]) => slot.failures > 0)) {
    return { kind: 'retrying', pending: pending.length, retryInMs: retry === null ? null : Math.max(0, retry - now) };
  }
  return { kind: 'saving', pending: pending.length };
}

/** The status line in words: "All answers saved", "Saving…", "Not saved yet: retrying in 4 s (2 answers)". */
export function saveStatusWords(status: SaveStatus): string {
  const answers = (n: number) => amount(n, { one: 'answer', many: 'answers' });
  switch (status.kind) {
    case 'idle':
      return 'No answer yet';
    case 'saved':
      return 'All answers saved';
    case 'saving':
      return status.pending === 1 ? 'Saving…' : `Saving ${answers(status.pending)}…`;
    case 'retrying': {
      const when =
        status.retryInMs === null || status.retryInMs < 1000
          ? 'retrying now'
          : `retrying in ${Math.ceil(status.retryInMs / 1000)} s`;
      return `Not saved yet (${answers(status.pending)}): ${when}`;
    }
    case 'refused':
      return `Not saved: ${status.message}`;
  }
}

/** The question's own mark in the navigator: whether its latest choice is with the server. */
export function slotState(slot: Slot | undefined): 'unanswered' | 'saved' | 'saving' | 'failed' {
  if (!slot) return 'unanswered';
  if (slot.wanted === slot.saved) return 'saved';
  return slot.failures > 0 || slot.refusal !== null ? 'failed' : 'saving';
}
