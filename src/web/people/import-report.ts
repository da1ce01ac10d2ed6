import { IMPORT_COLUMNS } from '../../server/certificants/person-schemas';
import type { ApiError } from '../api/client';

/** The columns the server expects, in its order: the server's own list. */
export const COLUMNS = IMPORT_COLUMNS;

export const TEMPLATE = `${COLUMNS.join(',')}\nA-1001,Jane Example,jane@example.org,1980-04-02,Springfield,IL,yes,namss/cpcs,2019-06-15,2019-12-01\n`;

export const MAX_BYTES = 10 * 1024 * 1024;

export interface RowProblem {
  /** The line in the file (the header is line 1), or null for a problem with the whole file. */
  line: number | null;
  number: string | null;
  column: string | null;
  message: string;
}

/** "row 3 (number A-1).awarded" → line 3, number A-1, column awarded; "header" and "file" stay whole. */
export function rowProblems(error: ApiError): RowProblem[] {
  return error.errors
    .map((issue) => {
      const match = /^row (\d+)(?: \(number (.*)\))?\.([a-z_]+)$/.exec(issue.path);
      return match
        ? { line: Number(match[1]), number: match[2] ?? null, column: match[3] ?? null, message: issue.message }
        : { line: null, number: null, column: issue.path === 'body' ? null : issue.path, message: issue.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
