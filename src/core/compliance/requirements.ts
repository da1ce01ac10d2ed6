import type { CycleState } from './deadlines';
import type { DayNumber } from '../dates/calendar-date';
import type { Policy, Requirement } from '../policies/policy-schema';

export interface HeldCertification {
  policy: Policy;
  awarded: DayNumber;
  renewedThrough: DayNumber | null;
  /** Steps and decisions on the current cycle besides the calendar (see statusOn). */
  state?: CycleState;
}

/** A requirement in hundredths of a credit, minimums in the policy's order. */
export interface RequirementHundredths {
  total: number;
  minimums: [key: string, hundredths: number][];
  sharedWith: string[];
}

function toHundredths(requirement: Requirement, order: readonly string[], sharedWith: string[]): RequirementHundredths {
  const keys = order.filter((key) => key in requirement.minimums);
  return {
    total: Math.round(requirement.total * 100),
    minimums: keys.map((key) => [key, Math.round((requirement.minimums[key] as number) * 100)]),
    sharedWith,
  };
}

const ownRequirements = new WeakMap<Policy, RequirementHundredths>();

/** A program's own requirement, made once per policy; shared, so callers must not change it. */
function ownRequirement(policy: Policy): RequirementHundredths {
  let requirement = ownRequirements.get(policy);
  if (!requirement) {
    const minimums = Object.fromEntries(policy.credit.minimums.map((minimum) => [minimum.key, minimum.credits]));
    requirement = toHundredths(
      { total: policy.credit.total, minimums },
      policy.credit.minimums.map((minimum) => minimum.key),
      [],
    );
    ownRequirements.set(policy, requirement);
  }
  return requirement;
}

/**
 * What each held certification requires. Programs that share credit (same
 * sharing group) and are held together need the group's combined requirement;
 * while the combination has never been renewed together (someone recertifying
 * as a dual for the first time) the first-time requirement applies instead.
 */
export function requirementsFor(held: readonly HeldCertification[]): RequirementHundredths[] {
  return held.map((certification) => {
    const { policy } = certification;
    const sharing = policy.credit.sharing;
    const partners = sharing
      ? held.filter((other) => other !== certification && other.policy.credit.sharing?.group === sharing.group)
      : [];
    if (!sharing || partners.length === 0) return ownRequirement(policy);
    const group = [certification, ...partners];
    const newestAward = Math.max(...group.map((member) => member.awarded));
    const renewedTogether = group.every((member) => member.renewedThrough !== null && member.renewedThrough >= newestAward);
    const requirement = !renewedTogether && sharing.firstTimeCombined ? sharing.firstTimeCombined : sharing.combined;
    return toHundredths(
      requirement,
      policy.credit.minimums.map((minimum) => minimum.key),
      partners.map((partner) => partner.policy.id),
    );
  });
}
