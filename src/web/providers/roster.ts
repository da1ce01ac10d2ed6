import type { Offering, RosterReport } from '../api/applications';
import { amount, formatDay, formatNumber, words } from '../format';
import { datesShown, offeringTypeLabel } from './calendar-filters';

/** Approved offerings and their attendance rosters: the columns the server reads, a template, an offering and an import's report in words. */

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

/** What was approved, in one line: "Course · In person · Jun 3, 2027 · 3 hours approved · wetlands, legal". */
export function offeringSummary(offering: Offering): string {
  const { shown, more } = datesShown(offering.dates);
  const dates =
    shown.length === 0 ? 'dates not given' : `${shown.map(formatDay).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return [
    offeringTypeLabel(offering.type),
    offering.virtual ? 'Virtual' : 'In person',
    dates,
    `${amount(offering.hours, { one: 'hour', many: 'hours' })} approved`,
    ...(offering.categories.length > 0 ? [offering.categories.map(words).join(', ')] : []),
  ].join(' · ');
}

/** "No attendance reported yet." / "1 attendee reported so far." */
export function attendanceCount(attendees: number): string {
  return attendees === 0
    ? 'No attendance reported yet.'
    : `${amount(attendees, { one: 'attendee', many: 'attendees' })} reported so far.`;
}
