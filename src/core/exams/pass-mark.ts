import type { ExamPolicy } from '../policies/policy-schema';

/**
 * The pass mark in force on a date: the last entry whose `from` is on or
 * before it (TechServe Level I: 70 % until 2016-06-30, 80 % from 2016-07-01).
 * Dates are ISO strings, which order as dates.
 */
export function passMarkOn(passMarks: ExamPolicy['passMarks'], on: string): number {
  let percent = passMarks[0]!.percent;
  for (const mark of passMarks) if (mark.from === null || mark.from <= on) percent = mark.percent;
  return percent;
}
