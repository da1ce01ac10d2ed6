import type { RosterReport } from '../api/applications';
import { formatNumber } from '../format';

/** Attendance rosters: the columns the server reads, a template, and the report of an import in words. */

export const ROSTER_COLUMNS = ['name', 'email', 'number', 'completed_on', 'hours', 'grade'] as const;

/** The server reads rosters of up to 64 MB. */
export const ROSTER_MAX_BYTES = 64 * 1024 * 1024;

export function rosterTemplate(completedOn: string, hours: number): string {
  return `${ROSTER_COLUMNS.join(',')}\nJane Example,jane@example.org,,${completedOn},${hours},\nSam Sample,,A-1001,${completedOn},${hours},pass\n`;
}

/** "12 rows: 10 added, 2 unchanged; 9 matched to certificants, 3 not yet (kept, matched when they register)." */
export function reportSentence(report: RosterReport): string {
  const n = (value: number, one: string, many = `${one}s`) => `${formatNumber(value)} ${value === 1 ? one : many}`;
  const parts = [
    report.added > 0 ? `${formatNumber(report.added)} added` : null,
    report.updated > 0 ? `${formatNumber(report.updated)} updated` : null,
    report.unchanged > 0 ? `${formatNumber(report.unchanged)} unchanged` : null,
  ].filter(Boolean);
  const matching =
    report.unmatched === 0
      ? `every attendee is matched to a certificant`
      : `${n(report.unmatched, 'attendee')} not matched to a certificant yet (kept, and matched when they register or add that e-mail)`;
  return `${n(report.rows, 'row')} recorded: ${parts.join(', ') || 'nothing new'}; ${report.matched > 0 ? `${formatNumber(report.matched)} newly matched, ` : ''}${matching}.`;
}
