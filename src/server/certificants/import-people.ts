import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { RecertError, type FieldIssue } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { syncCredentials } from '../credentials/sync-credentials';
import { todayOf } from './get-progress';
import type { Db } from '../db/database';
import { certifications, people } from '../db/schema/people';
import { insertPerson, personIssues } from './add-person';
import { IMPORT_COLUMNS, newPersonSchema, type NewPerson } from './person-schemas';

// The columns live with the person schemas, which the web app shares; the import route names them.
export { IMPORT_COLUMNS };
type Column = (typeof IMPORT_COLUMNS)[number];
type CsvRow = Record<Column, string>;

export interface ImportReport {
  rows: number;
  added: number;
  unchanged: number;
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

// Where a schema issue lands in the sheet: person fields on the group's first row, a certification's on its own row.
const FIELD_COLUMN: Record<string, Column> = {
  number: 'number',
  legalName: 'legal_name',
  emails: 'emails',
  birthDate: 'birth_date',
  city: 'city',
  region: 'region',
  member: 'member',
  program: 'program',
  awarded: 'awarded',
  renewedThrough: 'renewed_through',
};

/**
 * A CSV sheet with a header row naming its columns (in any order, any case):
 * each data row by its line number, with every column asked for; an optional
 * column the header lacks reads as ''. Shared by the imports of people and of
 * providers' rosters.
 */
export function parseSheet<C extends string>(
  csv: string,
  expected: readonly C[],
  optional: readonly C[] = [],
): { line: number; row: Record<C, string> }[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new RecertError('invalid-input', 'the file is not valid CSV', [{ path: 'file', message: (error as Error).message }]);
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((name) => name.toLowerCase());
  const missing = expected.filter((c) => !columns.includes(c) && !optional.includes(c));
  if (missing.length > 0) {
    throw new RecertError('invalid-input', 'the file lacks columns', [
      { path: 'header', message: `missing column(s): ${missing.join(', ')}; expected ${expected.join(',')}` },
    ]);
  }
  if (body.length === 0)
    throw new RecertError('invalid-input', 'the file has no rows', [{ path: 'file', message: 'no rows after the header' }]);
  const positions = expected.map((c) => [c, columns.indexOf(c)] as const);
  return body.map((cells, index) => ({
    line: index + 2,
    row: Object.fromEntries(positions.map(([c, at]) => [c, at < 0 ? '' : (cells[at] ?? '')])) as Record<C, string>,
  }));
}

/**
 * Imports existing certificants with their history: one row per certification
 * held, rows of one person sharing their certificant number. All or nothing:
 * any refused row and nothing is written; the report names every row and
 * field at fault. Importing the same file again changes nothing.
 */
export async function importPeople(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  csv: string;
  actorUserId: string;
  now: Date;
}): Promise<ImportReport> {
  const { db, registry, bodyId, csv, actorUserId, now } = options;
  const sheet = parseSheet(csv, IMPORT_COLUMNS);
  const issues: FieldIssue[] = [];
  const at = (line: number, row: CsvRow, column: string, message: string) =>
    issues.push({ path: `row ${line}${row.number ? ` (number ${row.number})` : ''}.${column}`, message });

  const groups = new Map<string, { line: number; row: CsvRow }[]>();
  for (const entry of sheet) {
    const number = entry.row.number.trim();
    if (!number) {
      at(entry.line, entry.row, 'number', 'is required in an import (it ties the rows of one person together)');
      continue;
    }
    groups.set(number, [...(groups.get(number) ?? []), entry]);
  }

  return db.transaction(async (tx) => {
    const candidates: { person: NewPerson; first: { line: number; row: CsvRow } }[] = [];
    for (const [number, entries] of groups) {
      const first = entries[0]!;
      for (const entry of entries.slice(1)) {
        for (const column of ['legal_name', 'emails', 'birth_date', 'city', 'region', 'member'] as const) {
          if (entry.row[column] !== first.row[column])
            at(entry.line, entry.row, column, `differs from row ${first.line} for the same person`);
        }
      }
      const member = first.row.member.trim().toLowerCase();
      const raw = {
        number,
        legalName: first.row.legal_name,
        birthDate: blank(first.row.birth_date),
        emails: (blank(first.row.emails) ?? '').split(/[;\s]+/).filter(Boolean),
        city: blank(first.row.city),
        region: blank(first.row.region),
        member: ['yes', 'true', '1', 'y'].includes(member)
          ? true
          : ['no', 'false', '0', 'n', ''].includes(member)
            ? false
            : member,
        certifications: entries
          .filter((e) => blank(e.row.program) !== null)
          .map((e) => ({ program: e.row.program, awarded: e.row.awarded, renewedThrough: blank(e.row.renewed_through) })),
      };
      const parsed = newPersonSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const [head, index, field] = issue.path;
          if (head === 'certifications' && typeof index === 'number') {
            const entry = entries.filter((e) => blank(e.row.program) !== null)[index]!;
            at(entry.line, entry.row, FIELD_COLUMN[String(field)] ?? String(field), issue.message);
          } else {
            at(first.line, first.row, FIELD_COLUMN[String(head)] ?? String(head), issue.message);
          }
        }
        continue;
      }
      candidates.push({ person: parsed.data, first });
    }

    // Already imported with the same history: unchanged. Same number, different history: refused.
    const numbers = candidates.map((c) => c.person.number!);
    const existing = numbers.length
      ? await tx
          .select()
          .from(people)
          .where(and(eq(people.bodyId, bodyId), inArray(people.number, numbers)))
      : [];
    const existingByNumber = new Map(existing.map((p) => [p.number, p]));
    const heldRows = existing.length
      ? await tx
          .select()
          .from(certifications)
          .where(
            and(
              eq(certifications.bodyId, bodyId),
              inArray(
                certifications.personId,
                existing.map((p) => p.id),
              ),
            ),
          )
      : [];
    let unchanged = 0;
    const toAdd: typeof candidates = [];
    for (const candidate of candidates) {
      const found = existingByNumber.get(candidate.person.number!);
      if (!found) {
        toAdd.push(candidate);
        continue;
      }
      const held = heldRows
        .filter((h) => h.personId === found.id)
        .map((h) => `${h.programId}|${h.awarded}|${h.renewedThrough ?? ''}`)
        .sort();
      const wanted = candidate.person.certifications.map((h) => `${h.program}|${h.awarded}|${h.renewedThrough ?? ''}`).sort();
      if (found.legalName === candidate.person.legalName && JSON.stringify(held) === JSON.stringify(wanted)) unchanged++;
      else
        at(
          candidate.first.line,
          candidate.first.row,
          'number',
          `certificant number ${found.number} already belongs to ${found.legalName} with a different history`,
        );
    }
    for (const candidate of toAdd) {
      for (const issue of await personIssues(tx, registry, bodyId, { ...candidate.person, number: undefined })) {
        at(
          candidate.first.line,
          candidate.first.row,
          issue.path.startsWith('certifications') ? 'program' : issue.path,
          issue.message,
        );
      }
    }
    if (issues.length > 0) {
      throw new RecertError('invalid-input', `the import was refused: ${issues.length} problem(s); nothing was imported`, issues);
    }
    const added: string[] = [];
    for (const candidate of toAdd) added.push((await insertPerson(tx, bodyId, candidate.person, actorUserId)).id);
    // The imported certifications' credentials, in the same transaction: an import that is refused issues none.
    await syncCredentials({
      tx,
      registry,
      bodyId,
      personIds: added,
      on: todayOf(registry, bodyId, now),
      actor: actorUserId,
      now,
    });
    return { rows: sheet.length, added: toAdd.length, unchanged };
  });
}
