import type { CertificationResult, EvaluateResult } from '../core/compliance/evaluate-types';
import { daysBetween } from '../core/dates/calendar-date';

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (alignRight[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('   ')
      .trimEnd(),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dueIn(result: CertificationResult, asOf: string): string {
  const days = daysBetween(asOf, result.deadlines.due) as number;
  if (days > 0) return `due ${result.deadlines.due}, in ${days} day${days === 1 ? '' : 's'}`;
  if (days === 0) return `due ${result.deadlines.due}, today`;
  return `was due ${result.deadlines.due}, ${-days} day${days === -1 ? '' : 's'} ago`;
}

function certificationText(result: CertificationResult, asOf: string): string[] {
  const unit = result.unit.many;
  const lines = [
    `${result.designation} (${result.program}, policy v${result.policyVersion})`,
    `  Cycle ${result.cycle.start} to ${result.cycle.end} · status ${result.status} · ${dueIn(result, asOf)}`,
  ];
  if (result.sharedWith.length > 0) lines.push(`  Credit shared with ${result.sharedWith.join(', ')}: combined requirement`);
  const requirementRows = [
    ['Requirement', 'Required', 'Earned', 'Missing'],
    [
      capitalize(`total ${unit}`),
      String(result.required.total),
      String(result.earned.total),
      String(Math.max(0, result.required.total - result.earned.total)),
    ],
    ...Object.entries(result.required.minimums).map(([key, need]) => {
      const have = result.earned.minimums[key] ?? 0;
      return [
        capitalize(`${key} ${unit}`),
        String(need),
        String(have),
        String(Math.max(0, Math.round((need - have) * 100) / 100)),
      ];
    }),
  ];
  lines.push(...table(requirementRows, [false, true, true, true]).map((line) => `  ${line}`));
  const d = result.deadlines;
  const deadlineParts = [
    d.opens && `opens ${d.opens}`,
    `due ${d.due}`,
    d.lateUntil && `late until ${d.lateUntil}`,
    d.graceUntil && `grace until ${d.graceUntil}`,
    d.extensionRequestBy && `extension by ${d.extensionRequestBy} to ${d.extendedDue}`,
  ].filter(Boolean);
  lines.push(`  Deadlines: ${deadlineParts.join(' · ')}`);
  const pace = result.pace;
  lines.push(
    `  Pace (${pace.basis === 'even' ? 'even over the cycle' : 'recommended per year'}): ${pace.expected} expected by now, ${pace.earned} earned${
      pace.onTrack ? ', on track' : `, behind by ${pace.behindBy}`
    }`,
  );
  if (result.credits.length > 0) {
    const rows = [
      ['Activity', 'Claimed', 'Counted', 'Why less'],
      ...result.credits.map((line) => [
        line.activity,
        String(line.claimed),
        String(line.credits),
        line.reason ? `${line.reason}: ${line.explanation ?? ''}` : '',
      ]),
    ];
    lines.push(...table(rows, [false, true, true, false]).map((line) => `  ${line}`));
  }
  lines.push(result.compliant ? '  Requirements met.' : `  Missing: ${result.missing.join('; ')}`);
  for (const note of result.notes) lines.push(`  Note: ${note}`);
  return lines;
}

/** The evaluation as a person reads it: one block per certification. */
export function formatEvaluationText(result: EvaluateResult): string {
  const blocks = result.certifications.map((certification) => certificationText(certification, result.asOf).join('\n'));
  return `As of ${result.asOf}\n\n${blocks.join('\n\n')}\n`;
}
