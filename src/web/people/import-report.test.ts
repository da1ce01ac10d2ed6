import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { COLUMNS, rowProblems, TEMPLATE } from './import-report';

const refusal = (errors: { path: string; message: string }[]) =>
  new ApiError(400, 'Invalid request', 'the import was refused', 'invalid-input', errors);

describe('the import refusal report', () => {
  it('reads row, certificant number and column from each problem, rows in order', () => {
    const problems = rowProblems(
      refusal([
        { path: 'row 5 (number A-2).awarded', message: 'must be a date' },
        { path: 'row 2.number', message: 'is required in an import' },
        { path: 'row 3 (number B (x)).renewed_through', message: 'must not be before awarded' },
      ]),
    );
    expect(problems).toEqual([
      { line: 2, number: null, column: 'number', message: 'is required in an import' },
      { line: 3, number: 'B (x)', column: 'renewed_through', message: 'must not be before awarded' },
      { line: 5, number: 'A-2', column: 'awarded', message: 'must be a date' },
    ]);
  });

  it('keeps problems with the whole file first', () => {
    expect(rowProblems(refusal([{ path: 'header', message: 'missing column(s): member' }]))).toEqual([
      { line: null, number: null, column: 'header', message: 'missing column(s): member' },
    ]);
    expect(rowProblems(refusal([{ path: 'body', message: 'send the CSV file' }]))[0]).toMatchObject({ column: null });
  });

  it('offers a template with every column', () => {
    expect(TEMPLATE.split('\n')[0]).toBe(COLUMNS.join(','));
    expect(TEMPLATE.split('\n')[1]!.split(',')).toHaveLength(COLUMNS.length);
  });
});
