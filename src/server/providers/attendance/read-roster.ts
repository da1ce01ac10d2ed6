import type { z } from 'zod';
import { RecertError, type FieldIssue } from '../../../core/errors';
import { parseSheet } from '../../certificants/import-people';
import { rosterRow, rosterRowSchema, ROSTER_MAX_ROWS, type RosterRow } from './attendance-schemas';

export const ROSTER_COLUMNS = ['name', 'email', 'number', 'completed_on', 'hours', 'grade'] as const;
type Column = (typeof ROSTER_COLUMNS)[number];
// The sheet may leave out the e-mail or the number column (each row still needs one of them), and the grade.
const OPTIONAL_COLUMNS: readonly Column[] = ['email', 'number', 'grade'];

const COLUMN_OF: Record<string, Column> = {
  name: 'name',
  email: 'email',
  number: 'number',
  completedOn: 'completed_on',
  hours: 'hours',
  grade: 'grade',
};

/** A roster, whichever way it came: its rows and where each row's fields are, for the report of refusals. */
export interface Roster {
  rows: RosterRow[];
  /** The printable place of a row: `row 3` (its line) in a CSV file, `body.rows[1]` in JSON. */
  row(index: number): string;
  /** The printable place of a row's field: `row 3.completed_on` in a CSV file, `body.rows[1].completedOn` in JSON. */
  at(index: number, field: keyof RosterRow): string;
}

export function rosterFromJson(rows: z.output<typeof rosterRowSchema>[]): Roster {
  return {
    rows: rows.map(rosterRow),
    row: (index) => `body.rows[${index}]`,
    at: (index, field) => `body.rows[${index}].${field}`,
  };
}

function hoursOf(text: string): number | string | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isNaN(value) ? text : value;
}

/** Reads a CSV roster (columns name, email, number, completed_on, hours, grade); refuses it listing every row and field at fault. */
export function rosterFromCsv(csv: string): Roster {
  const sheet = parseSheet(csv, ROSTER_COLUMNS, OPTIONAL_COLUMNS);
  if (sheet.length > ROSTER_MAX_ROWS)
    throw new RecertError('invalid-input', 'the roster is too long', [
      { path: 'file', message: `at most ${ROSTER_MAX_ROWS} rows; split the roster` },
    ]);
  const lines: number[] = [];
  const rows: RosterRow[] = [];
  const issues: FieldIssue[] = [];
  for (const { line, row } of sheet) {
    const parsed = rosterRowSchema.safeParse({
      name: row.name,
      email: row.email,
      number: row.number,
      completedOn: row.completed_on,
      hours: hoursOf(row.hours),
      grade: row.grade,
    });
    if (parsed.success) {
      lines.push(line);
      rows.push(rosterRow(parsed.data));
    } else {
      for (const issue of parsed.error.issues)
        issues.push({ path: `row ${line}.${COLUMN_OF[String(issue.path[0])] ?? 'row'}`, message: issue.message });
    }
  }
  if (issues.length > 0) refuse(issues);
  return { rows, row: (index) => `row ${lines[index]}`, at: (index, field) => `row ${lines[index]}.${COLUMN_OF[field]}` };
}

/** All or nothing: any refused row and nothing is recorded. */
export function refuse(issues: FieldIssue[]): never {
  throw new RecertError(
    'invalid-input',
    `the roster was refused: ${issues.length} problem(s); nothing was recorded`,
    issues.slice(0, 1000),
  );
}
