import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../dates/calendar-date';
import { attemptDeadline, endOfDayAt, windowClosesOn } from './exam-window';
import { examFormSchema, keyOf, optionIdsOf } from './exam-form';
import { gradeAnswers } from './grade';
import { itemStatistics } from './item-statistics';
import { approvedExperienceDays } from './prerequisites';
import { shuffleForm } from './shuffle';

const day = fc.integer({ min: 700_000, max: 760_000 }).map((n) => formatDate(n));

const formArb = fc.integer({ min: 1, max: 40 }).chain((count) =>
  fc.array(fc.boolean(), { minLength: count, maxLength: count }).map((kinds) =>
    examFormSchema.parse({
      title: 'Generated',
      sections: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
      items: kinds.map((multiple, index) =>
        multiple
          ? {
              id: `q${index}`,
              section: index % 2 ? 'a' : 'b',
              type: 'multiple-choice',
              stem: `Question ${index}`,
              options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
              key: 'c',
            }
          : {
              id: `q${index}`,
              section: index % 2 ? 'a' : 'b',
              type: 'true-false',
              stem: `Question ${index}`,
              key: index % 3 === 0,
            },
      ),
    }),
  ),
);

describe('shuffleForm', () => {
  it('is a permutation of the items and of each item’s options, and the same for the same seed', () => {
    fc.assert(
      fc.property(formArb, fc.string(), (form, seed) => {
        const order = shuffleForm(form.items, seed);
        expect(order.map((entry) => entry.itemId).sort()).toEqual(form.items.map((item) => item.id).sort());
        for (const entry of order) {
          const item = form.items.find((candidate) => candidate.id === entry.itemId)!;
          expect([...entry.options].sort()).toEqual([...optionIdsOf(item)].sort());
        }
        expect(shuffleForm(form.items, seed)).toEqual(order);
      }),
    );
  });
});

describe('gradeAnswers', () => {
  it('section figures add up to the total, the key always scores and passing follows the mark', () => {
    fc.assert(
      fc.property(formArb, fc.array(fc.boolean(), { maxLength: 40 }), fc.integer({ min: 0, max: 100 }), (form, picks, mark) => {
        const answers = new Map<string, string>();
        form.items.forEach((item, index) => {
          if (picks[index] !== undefined) answers.set(item.id, picks[index] ? keyOf(item) : 'zzz');
        });
        const grade = gradeAnswers(form, answers, mark);
        expect(grade.sections.reduce((sum, s) => sum + s.correct, 0)).toBe(grade.correct);
        expect(grade.sections.reduce((sum, s) => sum + s.total, 0)).toBe(form.items.length);
        expect(grade.correct).toBe(picks.slice(0, form.items.length).filter(Boolean).length);
        expect(grade.passed).toBe(grade.correct / grade.total >= mark / 100 - 1e-12);
      }),
    );
  });
});

describe('the window and the deadline', () => {
  it('the window ends after it starts and the deadline is never after it ends nor more than the limit after the start', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 120 }),
        (registeredOn, months, offsetSeconds, extra) => {
          const last = windowClosesOn(registeredOn, months)!;
          expect(last >= registeredOn).toBe(true);
          const windowEndsAt = endOfDayAt(last, 'America/New_York');
          const startedAt = new Date(endOfDayAt(registeredOn, 'America/New_York').getTime() - 86_400_000 + offsetSeconds * 1000);
          const deadline = attemptDeadline({ startedAt, timeLimitMinutes: 120, accommodationMinutes: extra, windowEndsAt });
          expect(deadline.getTime()).toBeLessThanOrEqual(windowEndsAt.getTime());
          expect(deadline.getTime() - startedAt.getTime()).toBeLessThanOrEqual((120 + extra) * 60_000);
          expect(deadline.getTime() % 1000).toBe(0);
        },
      ),
    );
  });
});

describe('approvedExperienceDays', () => {
  it('never exceeds the sum of the periods and does not depend on their order', () => {
    const period = fc.tuple(day, fc.integer({ min: 0, max: 2000 })).map(([from, length]) => ({
      from,
      to: formatDate(Number(new Date(from).getTime() / 86_400_000 + 719_163 + length) | 0),
      state: 'approved' as const,
    }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), (periods) => {
        const today = '2300-01-01';
        const days = approvedExperienceDays(periods, today);
        const naive = approvedExperienceDays([], today) + periods.reduce((sum, p) => sum + approvedExperienceDays([p], today), 0);
        expect(days).toBeLessThanOrEqual(naive);
        expect(approvedExperienceDays([...periods].reverse(), today)).toBe(days);
      }),
    );
  });
});

describe('itemStatistics', () => {
  it('difficulty is a share and discrimination a correlation', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { maxLength: 30 }), (rows) => {
        const items = [0, 1, 2, 3, 4].map((i) => ({ id: `i${i}`, section: i < 2 ? 'x' : 'y' }));
        const stats = itemStatistics(
          items,
          rows.map((row) => ({ correctItems: new Set(items.filter((_, i) => row[i]).map((item) => item.id)) })),
        );
        for (const item of stats.items) {
          if (item.difficulty !== null) expect(item.difficulty).toBeGreaterThanOrEqual(0);
          if (item.difficulty !== null) expect(item.difficulty).toBeLessThanOrEqual(1);
          if (item.discrimination !== null) expect(Math.abs(item.discrimination)).toBeLessThanOrEqual(1.0001);
        }
      }),
    );
  });
});
