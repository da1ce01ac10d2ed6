import { describe, expect, it } from 'vitest';
import { choose, savesFrom } from './autosave-queue';
import { clampIndex, listNumbers, questionLabel, submitSummary, unansweredNumbers } from './navigation';

const order = ['q7', 'q2', 'q9', 'q1'];

describe('the navigator', () => {
  it('lists the unanswered questions by their number in this attempt’s order', () => {
    const saves = choose(savesFrom({ q2: 'a' }), 'q1', 'b');
    expect(unansweredNumbers(order, saves)).toEqual([1, 3]);
    expect(submitSummary(order, saves)).toBe(
      'You have answered 2 of 4 questions. Not answered: questions 1 and 3; an unanswered question counts as wrong.',
    );
    expect(submitSummary(order, savesFrom({ q1: 'a', q2: 'a', q7: 'a', q9: 'a' }))).toBe('You have answered all 4 questions.');
    expect(submitSummary(order, savesFrom({ q1: 'a', q2: 'a', q7: 'a' }))).toContain('Not answered: question 3;');
  });

  it('says lists of numbers the way people read them', () => {
    expect(listNumbers([])).toBe('');
    expect(listNumbers([5])).toBe('5');
    expect(listNumbers([1, 4, 17])).toBe('1, 4 and 17');
    expect(listNumbers([1, 2, 3, 4], 2)).toBe('1, 2 and 2 more');
  });

  it('names each button with its state', () => {
    expect(questionLabel(3, 'saved', true)).toBe('Question 3, answered, current');
    expect(questionLabel(4, 'unanswered', false)).toBe('Question 4, not answered');
    expect(questionLabel(5, 'failed', false)).toBe('Question 5, answered, not saved yet');
  });

  it('keeps moves inside the exam', () => {
    expect(clampIndex(-1, 100)).toBe(0);
    expect(clampIndex(100, 100)).toBe(99);
    expect(clampIndex(0, 0)).toBe(0);
  });
});
