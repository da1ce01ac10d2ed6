import type { CertificationResult } from '../../core/compliance/evaluate-types';
import type { Policy, PolicyRegistry } from '../../core/policies/policy-registry';
import type { Progress } from '../certificants/get-progress';
import type { DbOrTx } from '../db/database';
import { evidenceOf } from '../activities/evidence-of';
import { describeCutOff, extensionRequestClosesAt } from './extension-deadline';
import type { ExtensionTerms } from './extension-schemas';

/**
 * Which of a person's activities carry a certificate: an evidence file they
 * uploaded, or a provider's confirmation of completion (the provider's
 * certificate). A tracking table is not evidence, so nothing else counts.
 */
export async function activitiesWithCertificate(
  db: DbOrTx,
  bodyId: string,
  personId: string,
  activityIds: string[],
): Promise<Set<string>> {
  const { files, confirmed } = await evidenceOf(db, bodyId, personId, activityIds);
  return new Set([...files.keys(), ...confirmed]);
}

/** The credit the policy asks certificates for, in hundredths (NAMSS: half of the cycle's requirement). */
export function neededHundredths(policy: Policy, result: Pick<CertificationResult, 'required'>): number | null {
  return policy.extension ? Math.ceil(policy.extension.evidenceShare * result.required.total * 100) : null;
}

/**
 * Why a request for this certification cannot be made at `now`, or null when
 * it can (the evidence is checked separately). The cut-off is an instant: the
 * request date at the policy's local time in the body's time zone.
 */
export function extensionRefusal(options: {
  policy: Policy;
  result: CertificationResult;
  held: { extendedTo: string | null; renewalSubmittedOn: string | null; hold: string | null };
  timeZone: string;
  now: Date;
}): string | null {
  const { policy, result, held, timeZone, now } = options;
  const { extension } = policy;
  if (!extension) return `${policy.designation}: the program offers no extensions`;
  if (held.hold) return `the certification is ${held.hold}`;
  if (held.extendedTo) return `an extension to ${held.extendedTo} was already granted for this cycle`;
  if (held.renewalSubmittedOn) return `the renewal for this cycle was submitted on ${held.renewalSubmittedOn}`;
  const requestBy = result.deadlines.extensionRequestBy!;
  if (now.getTime() > extensionRequestClosesAt(requestBy, extension.requestByTime, timeZone).getTime()) {
    return (
      `extensions had to be requested by ${describeCutOff(requestBy, extension.requestByTime, timeZone)}; ` +
      `the renewal was due ${result.deadlines.due}`
    );
  }
  return null;
}

/** The terms of an extension for each certification a person holds, from their progress. */
export async function extensionTerms(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  progress: Progress;
  now: Date;
}): Promise<ExtensionTerms[]> {
  const { db, registry, bodyId, progress, now } = options;
  const timeZone = registry.body(bodyId)?.timeZone ?? 'UTC';
  const earning = new Set(
    progress.result.certifications.flatMap((r) => r.credits.filter((l) => l.credits > 0).map((l) => l.activity)),
  );
  const withCertificate = await activitiesWithCertificate(db, bodyId, progress.person.id, [...earning]);
  const titles = new Map(progress.activities.map((row) => [row.id, row]));
  return progress.result.certifications.map((result, index) => {
    const policy = registry.require(result.program);
    const held = progress.held[index]!;
    const { extension } = policy;
    const refusal = extensionRefusal({ policy, result, held, timeZone, now });
    const requestBy = result.deadlines.extensionRequestBy;
    const needed = neededHundredths(policy, result);
    return {
      program: result.program,
      designation: result.designation,
      offered: extension !== null,
      open: refusal === null,
      reason: refusal,
      cycle: { start: result.cycle.start, end: result.cycle.end },
      due: result.deadlines.due,
      requestBy:
        extension && requestBy ? extensionRequestClosesAt(requestBy, extension.requestByTime, timeZone).toISOString() : null,
      requestByText: extension && requestBy ? describeCutOff(requestBy, extension.requestByTime, timeZone) : null,
      newDue: result.deadlines.extendedDue,
      evidence: extension?.evidence ?? null,
      requiredCredits: result.required.total,
      neededCredits: needed === null ? null : needed / 100,
      feeCents: policy.fees.extension,
      currency: policy.fees.currency,
      activities: result.credits
        .filter((line) => line.credits > 0)
        .map((line) => {
          const row = titles.get(line.activity)!;
          return {
            id: line.activity,
            title: row.title,
            date: row.endDate ?? row.startDate,
            credits: line.credits,
            hasCertificate: withCertificate.has(line.activity),
          };
        }),
    };
  });
}
