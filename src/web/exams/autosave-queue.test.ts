import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  choose,
  dueSends,
  isTransient,
  markFailed,
  markSaved,
  markSending,
  nextRetryAt,
  retryNow,
  saveStatus,
  saveStatusWords,
  savesFrom,
  slotState,
  type Saves,
} from './autosave-queue';

/** Sends whatever is due at `now` and marks it in flight, as the page does. */
function sendDue(saves: Saves, now: number): { saves: Saves; sent: { question: string; option: string }[] } {
  const sent = dueSends(saves, now);
  return { saves: sent.reduce((s, { question, option }) => markSending(s, question, option), saves), sent };
}

describe('saving answers', () => {
  it('resumes with the server’s answers saved and nothing to send', () => {
    const saves = savesFrom({ q1: 'a', q2: 'c' });
    expect(dueSends(saves, 0)).toEqual([]);
    expect(saveStatus(saves, 0)).toEqual({ kind: 'saved', count: 2 });
    expect(slotState(saves.q1)).toBe('saved');
    expect(slotState(saves.q3)).toBe('unanswered');
  });

  it('sends each choice at once and says so until the server confirms it', () => {
    let saves = choose(savesFrom({}), 'q1', 'b');
    expect(saveStatusWords(saveStatus(saves, 0))).toBe('Saving…');
    const step = sendDue(saves, 0);
    expect(step.sent).toEqual([{ question: 'q1', option: 'b' }]);
    saves = step.saves;
    expect(dueSends(saves, 0)).toEqual([]);
    expect(slotState(saves.q1)).toBe('saving');
    saves = markSaved(saves, 'q1', 'b');
    expect(saveStatusWords(saveStatus(saves, 0))).toBe('All answers saved');
  });

  it('never has two requests of one question in flight: a change meanwhile goes after, and the latest wins', () => {
    let saves = sendDue(choose(savesFrom({}), 'q1', 'a'), 0).saves;
    saves = choose(saves, 'q1', 'b');
    expect(dueSends(saves, 0)).toEqual([]);
    // The first save comes back: "a" is saved, but "b" is what the candidate wants, so it goes next.
    saves = markSaved(saves, 'q1', 'a');
    expect(slotState(saves.q1)).toBe('saving');
    const step = sendDue(saves, 0);
    expect(step.sent).toEqual([{ question: 'q1', option: 'b' }]);
    saves = markSaved(step.saves, 'q1', 'b');
    expect(saveStatus(saves, 0)).toEqual({ kind: 'saved', count: 1 });
  });

  it('sends nothing when the choice is what the server already holds', () => {
    const saves = choose(savesFrom({ q1: 'a' }), 'q1', 'a');
    expect(dueSends(saves, 0)).toEqual([]);
  });

  it('retries a failed save after 1, 2, 4 ... s, at most 30 s apart, and at once when back online', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    let saves = sendDue(choose(savesFrom({}), 'q1', 'a'), 0).saves;
    saves = markFailed(saves, 'q1', 100);
    expect(slotState(saves.q1)).toBe('failed');
    expect(dueSends(saves, 1099)).toEqual([]);
    expect(nextRetryAt(saves)).toBe(1100);
    expect(saveStatusWords(saveStatus(saves, 100))).toBe('Not saved yet (1 answer): retrying in 1 s');
    saves = sendDue(saves, 1100).saves;
    saves = markFailed(saves, 'q1', 1200);
    expect(nextRetryAt(saves)).toBe(3200);
    saves = retryNow(saves);
    expect(dueSends(saves, 1300)).toEqual([{ question: 'q1', option: 'a' }]);
    saves = markSaved(markSending(saves, 'q1', 'a'), 'q1', 'a');
    expect(saves.q1!.failures).toBe(0);
    expect(nextRetryAt(saves)).toBeNull();
  });

  it('a new choice after a failure goes at once', () => {
    let saves = markFailed(sendDue(choose(savesFrom({}), 'q1', 'a'), 0).saves, 'q1', 0);
    saves = choose(saves, 'q1', 'c');
    expect(dueSends(saves, 1)).toEqual([{ question: 'q1', option: 'c' }]);
  });

  it('does not retry what the server refused, and says why', () => {
    let saves = sendDue(choose(choose(savesFrom({}), 'q1', 'a'), 'q2', 'b'), 0).saves;
    saves = markSaved(saves, 'q2', 'b');
    saves = markFailed(saves, 'q1', 10, 'the time for this attempt is up');
    expect(dueSends(saves, 1_000_000)).toEqual([]);
    expect(nextRetryAt(saves)).toBeNull();
    expect(saveStatus(saves, 10)).toEqual({
      kind: 'refused',
      message: 'the time for this attempt is up',
      questions: ['q1'],
    });
    expect(saveStatusWords(saveStatus(saves, 10))).toBe('Not saved: the time for this attempt is up');
  });

  it('tells a passing failure from a refusal', () => {
    expect([0, 408, 429, 500, 503].every(isTransient)).toBe(true);
    expect([400, 403, 404, 409, 422].some(isTransient)).toBe(false);
  });

  it('counts what is pending across questions', () => {
    let saves = choose(choose(savesFrom({}), 'q1', 'a'), 'q2', 'b');
    expect(saveStatusWords(saveStatus(saves, 0))).toBe('Saving 2 answers…');
    saves = markFailed(sendDue(saves, 0).saves, 'q1', 0);
    expect(saveStatus(saves, 0)).toEqual({ kind: 'retrying', pending: 2, retryInMs: 1000 });
  });
});
