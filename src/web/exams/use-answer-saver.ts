import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import {
  choose,
  dueSends,
  isTransient,
  markFailed,
  markSaved,
  markSending,
  nextRetryAt,
  retryNow,
  saveStatus,
  savesFrom,
  type Saves,
} from './autosave-queue';

type Action =
  | { type: 'choose'; question: string; option: string }
  | { type: 'sending'; question: string; option: string }
  | { type: 'saved'; question: string; option: string }
  | { type: 'failed'; question: string; at: number; refusal: string | null }
  | { type: 'online' };

function reduce(saves: Saves, action: Action): Saves {
  switch (action.type) {
    case 'choose':
      return choose(saves, action.question, action.option);
    case 'sending':
      return markSending(saves, action.question, action.option);
    case 'saved':
      return markSaved(saves, action.question, action.option);
    case 'failed':
      return markFailed(saves, action.question, action.at, action.refusal);
    case 'online':
      return retryNow(saves);
  }
}

/**
 * The autosave of an attempt's answers: `choose` records the candidate's choice and sends it; the
 * queue (autosave-queue.ts) decides what goes when. `save` performs one request. While an answer is
 * not saved, leaving the page asks first.
 */
export function useAnswerSaver(
  initial: Readonly<Record<string, string>>,
  save: (question: string, option: string) => Promise<unknown>,
) {
  const [saves, dispatch] = useReducer(reduce, initial, savesFrom);
  const [now, setNow] = useState(() => performance.now());
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Send whatever is due; wake up for the next retry.
  useEffect(() => {
    const at = performance.now();
    for (const { question, option } of dueSends(saves, at)) {
      dispatch({ type: 'sending', question, option });
      saveRef.current(question, option).then(
        () => dispatch({ type: 'saved', question, option }),
        (error: unknown) => {
          const refusal = isApiError(error) && !isTransient(error.status) ? error.detail : null;
          dispatch({ type: 'failed', question, at: performance.now(), refusal });
        },
      );
    }
    const retry = nextRetryAt(saves);
    if (retry === null) return;
    // Tick every second while waiting, so "retrying in 4 s" counts down, and send when due.
    const timer = window.setTimeout(() => setNow(performance.now()), Math.min(1000, Math.max(0, retry - at)));
    return () => window.clearTimeout(timer);
  }, [saves, now]);

  useEffect(() => {
    const online = () => dispatch({ type: 'online' });
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  const status = saveStatus(saves, now);
  const unsaved = status.kind === 'saving' || status.kind === 'retrying' || status.kind === 'refused';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const chooseAnswer = useCallback((question: string, option: string) => dispatch({ type: 'choose', question, option }), []);
  return { saves, status, choose: chooseAnswer };
}
