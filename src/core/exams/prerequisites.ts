import { requireDate } from '../dates/calendar-date';

export interface ExperiencePeriod {
  from: string;
  /** Null: still in that position (counted up to today). */
  to: string | null;
  state: 'pending' | 'approved' | 'rejected';
}

export type Missing =
  | { kind: 'program'; program: string; designation: string; message: string }
  | { kind: 'experience'; neededYears: number; approvedDays: number; pending: number; message: string };

/** Days covered by approved periods up to `today`, overlaps counted once. */
export function approvedExperienceDays(periods: readonly ExperiencePeriod[], today: string): number {
  const end = requireDate(today);
  const spans = periods
    .filter((period) => period.state === 'approved')
    .map((period) => [requireDate(period.from), Math.min(period.to ? requireDate(period.to) : end, end)] as const)
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  let days = 0;
  let coveredTo = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, coveredTo + 1);
    if (to >= start) days += to - start + 1;
    coveredTo = Math.max(coveredTo, to);
  }
  return days;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const describeDays = (days: number) => {
  const years = Math.floor(days / 365);
  const months = Math.floor((days - years * 365) / 30.4375);
  const parts = [years ? count(years, 'year') : '', months ? count(months, 'month') : ''];
  return parts.filter(Boolean).join(' ') || 'none';
};

/**
 * What a person lacks to register for a program: each prerequisite program
 * they do not hold, and experience approved by the body short of the policy's
 * years (a year is 365 days, so two calendar years always count). Empty when
 * nothing is missing.
 */
export function missingPrerequisites(options: {
  prerequisites: { programs: readonly string[]; experienceYears: number };
  designationOf: (program: string) => string;
  heldPrograms: ReadonlySet<string>;
  experience: readonly ExperiencePeriod[];
  today: string;
}): Missing[] {
  const { prerequisites, designationOf, heldPrograms, experience, today } = options;
  const missing: Missing[] = [];
  for (const program of prerequisites.programs) {
    if (!heldPrograms.has(program)) {
      const designation = designationOf(program);
      missing.push({ kind: 'program', program, designation, message: `${designation} must be passed first` });
    }
  }
  const neededDays = Math.round(prerequisites.experienceYears * 365);
  if (neededDays > 0) {
    const approvedDays = approvedExperienceDays(experience, today);
    if (approvedDays < neededDays) {
      const pending = experience.filter((period) => period.state === 'pending').length;
      const years = prerequisites.experienceYears;
      missing.push({
        kind: 'experience',
        neededYears: years,
        approvedDays,
        pending,
        message:
          `${count(years, 'year')} of industry experience approved by the body ` +
          `(approved so far: ${describeDays(approvedDays)}` +
          (pending ? `; ${count(pending, 'declaration')} awaiting review)` : ')'),
      });
    }
  }
  return missing;
}
