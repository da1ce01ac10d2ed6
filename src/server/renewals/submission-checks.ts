import type { CertificationResult } from '../../core/compliance/evaluate-types';
import { RecertError, type FieldIssue } from '../../core/errors';
import type { RenewalBasis } from './renewal-basis';
import type { RenewalRow } from './load-renewal';

/**
 * Why an application with these activities could not be submitted on the
 * basis's date, in the words people read: the window (the quote's own
 * explanation), a hold, an application already open or approved for the
 * cycle, and what the engine says is missing with only the picked activities.
 */
export function submissionRefusals(
  basis: RenewalBasis,
  picked: CertificationResult,
  applications: RenewalRow[],
): { conflicts: string[]; missing: FieldIssue[] } {
  const conflicts: string[] = [];
  if (basis.certification.hold) conflicts.push(`the certification is ${basis.certification.hold}; it cannot be renewed`);
  if (!basis.quote.accepted) conflicts.push(basis.quote.explanation);
  const cycleStart = basis.result.cycle.start;
  const open = applications.find((row) => row.cycleStart === cycleStart && row.state === 'submitted');
  if (open) conflicts.push(`an application for this cycle was submitted on ${open.submittedOn} and awaits a decision`);
  const approved = applications.find((row) => row.cycleStart === cycleStart && row.state === 'approved');
  if (approved) conflicts.push(`this cycle was already renewed (approved application of ${approved.submittedOn})`);
  const missing = picked.compliant ? [] : picked.missing.map((phrase) => ({ path: 'activityIds', message: phrase }));
  return { conflicts, missing };
}

/** Throws the refusal: a conflict for the window and existing applications, invalid input for missing credit or ethics. */
export function refuseSubmission(refusals: { conflicts: string[]; missing: FieldIssue[] }, ethicsIssue: FieldIssue | null): void {
  if (refusals.conflicts.length > 0) {
    throw new RecertError('conflict', `the application cannot be submitted: ${refusals.conflicts.join('; ')}`);
  }
  const issues = [...refusals.missing, ...(ethicsIssue ? [ethicsIssue] : [])];
  if (issues.length > 0) {
    const missing = refusals.missing.map((issue) => issue.message);
    throw new RecertError(
      'invalid-input',
      missing.length
        ? `the requirements are not met with the activities chosen: ${missing.join('; ')}`
        : 'the application cannot be submitted',
      issues,
    );
  }
}
