import { namssPolicies } from '../core/policies/builtin/namss';
import { serPolicies } from '../core/policies/builtin/ser';
import { techservePolicies } from '../core/policies/builtin/techserve';

/**
 * Names of the built-in programs, for labels (the overview, the add-certificant form). Only the
 * policy documents themselves: no registry, no validation, so a page that needs a name does not load
 * the engine. A program of the body's own, unknown here, is shown by its id.
 */
export interface ProgramName {
  id: string;
  body: string;
  designation: string;
  name: string;
}

const ALL = [...techservePolicies, ...namssPolicies, ...serPolicies];

const PROGRAMS: readonly ProgramName[] = ALL.map((policy) => ({
  id: policy.id,
  body: policy.body,
  designation: policy.designation,
  name: policy.name,
}));

export function programName(id: string): ProgramName | null {
  return PROGRAMS.find((program) => program.id === id) ?? null;
}

/** "CPCS (Certified Provider Credentialing Specialist)", or the id of a program unknown here. */
export function programLabel(id: string): string {
  const program = programName(id);
  return program ? `${program.designation} (${program.name})` : id;
}

/** The built-in programs of a body, in their usual order. */
export function programsOf(bodyId: string): ProgramName[] {
  return PROGRAMS.filter((program) => program.body === bodyId);
}

/** "event sponsored by another organization" for a body's activity type id; the id in words when unknown. */
export function activityTypeLabel(bodyId: string, typeId: string): string {
  for (const policy of ALL) {
    if (policy.body !== bodyId) continue;
    const type = policy.activityTypes.find((t) => t.id === typeId);
    if (type) return type.label;
  }
  return typeId.replace(/-/g, ' ');
}
