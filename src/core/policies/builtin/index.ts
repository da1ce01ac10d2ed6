import { createPolicyRegistry, type PolicyRegistry } from '../policy-registry';
import { namssBody, namssPolicies } from './namss';
import { serBody, serPolicies } from './ser';
import { techserveBody, techservePolicies } from './techserve';

export const builtinBodies = [techserveBody, namssBody, serBody];
export const builtinPolicies = [...techservePolicies, ...namssPolicies, ...serPolicies];

let registry: PolicyRegistry | undefined;

/** The registry of the three seed bodies, validated once on first use. */
export function builtinRegistry(): PolicyRegistry {
  registry ??= createPolicyRegistry(builtinPolicies, builtinBodies);
  return registry;
}
