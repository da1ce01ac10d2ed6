import type { Saves } from './autosave-queue';

/** The question navigator and the submit confirmation: which questions have an answer, in the attempt's order. */

/** The numbers (1-based, in the attempt's order) of the questions with no choice made. */
export function unansweredNumbers(order: readonly string[], saves: Saves): number[] {
  return order.flatMap((question, index) => (saves[question] ? [] : [index + 1]));
}

/** "1, 4 and 17"; a long list ends "… and 40 more". */
export function listNumbers(numbers: readonly number[], max = 20): string {
  if (numbers.length === 0) return '';
  const shown = numbers.slice(0, max).map(String);
  const rest = numbers.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** What the submit confirmation says about the answers. */
export function submitSummary(order: readonly string[], saves: Saves): string {
  const missing = unansweredNumbers(order, saves);
  const answered = order.length - missing.length;
  if (missing.length === 0) return `You have answered all ${order.length} questions.`;
  const noun = missing.length === 1 ? 'question' : 'questions';
  return `You have answered ${answered} of ${order.length} questions. Not answered: ${noun} ${listNumbers(missing)}; an unanswered question counts as wrong.`;
}

/** The navigator button's accessible name: "Question 3, answered, current". */
export function questionLabel(number: number, state: 'unanswered' | 'saved' | 'saving' | 'failed', current: boolean): string {
  const words = { unanswered: 'not answered', saved: 'answered', saving: 'answered, saving', failed: 'answered, not saved yet' }[
    state
  ];
  return `Question ${number}, ${words}${current ? ', current' : ''}`;
}

/** The index after a move, kept inside the exam. */
export function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(0, index), Math.max(0, count - 1));
}
