import type { DuplicatePair, MergeView } from '../api/queries';
import { formatNumber } from '../format';

/** What a merge will do, worked out from a likely-duplicate pair before the admin confirms it. */

type Side = DuplicatePair['a'];
type Reason = DuplicatePair['reasons'][number];

export interface MergePlan {
  survivor: Side;
  merged: Side;
  /** Programs only the merged record holds: their certifications move to the survivor. */
  moving: Side['programs'];
  /** Programs both hold: each record keeps its own certification of these. */
  keptApart: string[];
  /** The merged record's CE activities, all of which move (with their evidence files). */
  activities: number;
  /** The merged record's addresses the survivor does not have yet. */
  newEmails: string[];
}

/** "Same name and birth date", "Both use sam@example.org". */
export function reasonText(reason: Reason): string {
  return reason.kind === 'shared-email' ? `Both use ${reason.email}` : 'Same name and birth date';
}

export function mergePlan(pair: DuplicatePair, survivorId: string): MergePlan {
  const [survivor, merged] = pair.a.id === survivorId ? [pair.a, pair.b] : [pair.b, pair.a];
  const held = new Set(survivor.programs.map((p) => p.program));
  return {
    survivor,
    merged,
    moving: merged.programs.filter((p) => !held.has(p.program)),
    keptApart: merged.programs.filter((p) => held.has(p.program)).map((p) => p.program),
    activities: merged.activities,
    newEmails: merged.emails.filter((email) => !survivor.emails.includes(email)),
  };
}

/** "1 certification", "3 CE activities". */
export function count(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** What a merge moved, in words: "no certification, 3 CE activities, 1 evidence file and 1 sign-in". */
export function movedText(moved: MergeView['moved']): string {
  const parts = [
    moved.certifications === 0 ? 'no certification' : count(moved.certifications, 'certification', 'certifications'),
    moved.activities === 0 ? 'no CE activity' : count(moved.activities, 'CE activity', 'CE activities'),
    moved.evidence === 0 ? 'no evidence file' : count(moved.evidence, 'evidence file', 'evidence files'),
    moved.signIns === 0 ? 'no sign-in' : count(moved.signIns, 'sign-in', 'sign-ins'),
  ];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "NAMSS-000012 Sam Okafor". */
export const who = (side: { number: string; legalName: string }) => `${side.number} ${side.legalName}`;
