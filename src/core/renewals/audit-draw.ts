import { sha256Hex } from './sha256';

/** Why an application is (or is not) audited; the same shape as the `audit_draw` stored on a renewal. */
export interface AuditDecision {
  rule: 'random' | 'extension' | 'reinstatement';
  selected: boolean;
  seed?: string;
  value?: number;
  share?: number;
}

/**
 * The seed of a cycle's draw: the body, the certification, the cycle and a
 * random salt the server makes at the cycle's first submission. Without the
 * salt anyone could work out before submitting whether they would be drawn;
 * with it, the draw is unknown until it is made and anyone can check it after
 * (the seed is recorded). A resubmission of a returned application reuses the
 * cycle's seed, so nobody escapes an audit by trying again.
 */
export function auditSeed(bodyId: string, certificationId: string, cycleStart: string, salt: string): string {
  return `${bodyId}:${certificationId}:${cycleStart}:${salt}`;
}

/** The value in [0, 1) a seed gives: the first 48 bits of its SHA-256, over 2^48. Anyone can recompute it. */
export function drawValue(seed: string): number {
  return parseInt(sha256Hex(seed).slice(0, 12), 16) / 2 ** 48;
}

/**
 * Whether a renewal application is audited. A reinstatement (submitted in
 * grace) is always audited: it needs documentation of all CE earned. So is the
 * renewal of a cycle whose due date an extension moved, when the policy says
 * extensions are always audited. Otherwise a seeded, reproducible draw
 * selects the policy's share of applications.
 */
export function decideAudit(options: {
  bodyId: string;
  certificationId: string;
  cycleStart: string;
  share: number;
  reinstatement: boolean;
  extendedAndAlwaysAudited: boolean;
  /** The seed of the cycle's earlier draw, when there was one; else a new one is made with `salt`. */
  earlierSeed: string | null;
  salt: string;
}): AuditDecision {
  if (options.reinstatement) return { rule: 'reinstatement', selected: true };
  if (options.extendedAndAlwaysAudited) return { rule: 'extension', selected: true };
  const seed = options.earlierSeed ?? auditSeed(options.bodyId, options.certificationId, options.cycleStart, options.salt);
  const value = drawValue(seed);
  return { rule: 'random', selected: value < options.share, seed, value, share: options.share };
}
