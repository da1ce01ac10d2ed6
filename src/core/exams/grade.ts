import type { ExamForm } from './exam-form';
import { keyOf } from './exam-form';

export interface SectionResult {
  key: string;
  label: string;
  correct: number;
  total: number;
  /** Share correct, in percent, rounded to one decimal. */
  percent: number;
}

export interface Grade {
  correct: number;
  total: number;
  answered: number;
  percent: number;
  passMark: number;
  passed: boolean;
  sections: SectionResult[];
}

const percentOf = (correct: number, total: number) => (total === 0 ? 0 : Math.round((correct * 1000) / total) / 10);

/**
 * Grades saved answers (item id → option id) against the form's keys. An
 * unanswered item counts as wrong. Passing compares whole numbers
 * (correct × 100 ≥ pass mark × total), so 80 of 100 at 80 % passes and no
 * rounding ever decides a result.
 */
export function gradeAnswers(form: ExamForm, answers: ReadonlyMap<string, string>, passMark: number): Grade {
  const bySection = new Map(form.sections.map((section) => [section.key, { ...section, correct: 0, total: 0 }]));
  let correct = 0;
  let answered = 0;
  for (const item of form.items) {
    const section = bySection.get(item.section)!;
    section.total++;
    const answer = answers.get(item.id);
    if (answer === undefined) continue;
    answered++;
    if (answer === keyOf(item)) {
      correct++;
      section.correct++;
    }
  }
  const total = form.items.length;
  return {
    correct,
    total,
    answered,
    percent: percentOf(correct, total),
    passMark,
    passed: correct * 100 >= passMark * total,
    sections: [...bySection.values()].map((s) => ({
      key: s.key,
      label: s.label,
      correct: s.correct,
      total: s.total,
      percent: percentOf(s.correct, s.total),
    })),
  };
}
