import type { CertificationResult } from '../../core/compliance/evaluate-types';
import type { ActivityRow, PersonRow } from './load-person-record';
import type { Progress } from './get-progress';

/** One line of a transcript: an activity and what it counted toward one certification's cycle. */
export interface TranscriptLine {
  program: string;
  designation: string;
  cycleStart: string;
  cycleEnd: string;
  date: string;
  endDate: string | null;
  title: string;
  provider: string | null;
  type: string;
  location: string;
  approved: boolean;
  approvalCode: string | null;
  claimed: number;
  counted: number;
  countsToward: string;
  note: string;
}

export interface Transcript {
  person: PersonRow;
  bodyName: string;
  asOf: string;
  certifications: CertificationResult[];
  lines: TranscriptLine[];
}

function location(row: ActivityRow): string {
  const place = [row.city, row.region].filter(Boolean).join(', ');
  return row.virtual ? `virtual${place ? `, attended from ${place}` : ''}` : place;
}

/**
 * What an auditor needs: for each certification's current cycle, every
 * activity with the credit it counted and, when less than claimed, why.
 */
export function buildTranscript(progress: Progress, bodyName: string): Transcript {
  const byId = new Map(progress.activities.map((row) => [row.id, row]));
  const lines: TranscriptLine[] = [];
  for (const certification of progress.result.certifications) {
    for (const credit of certification.credits) {
      const row = byId.get(credit.activity);
      if (!row) continue;
      lines.push({
        program: certification.program,
        designation: certification.designation,
        cycleStart: certification.cycle.start,
        cycleEnd: certification.cycle.end,
        date: row.startDate,
        endDate: row.endDate,
        title: row.title,
        provider: row.provider,
        type: row.type,
        location: location(row),
        approved: row.approved,
        approvalCode: row.approvalCode,
        claimed: credit.claimed,
        counted: credit.credits,
        countsToward: credit.countsToward.join(' '),
        note: credit.explanation ?? '',
      });
    }
  }
  return { person: progress.person, bodyName, asOf: progress.result.asOf, certifications: progress.result.certifications, lines };
}
