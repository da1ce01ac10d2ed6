import { RecertError } from '../../core/errors';
import { builtinBodies, builtinPolicies, builtinRegistry } from '../../core/policies/builtin/index';
import { createPolicyRegistry, type PolicyRegistry } from '../../core/policies/policy-registry';
import type { CliIo } from '../cli-io';

/**
 * The built-in policies, plus (when given) a JSON file holding one policy or
 * an array of them; a program in the file replaces the built-in one of that id.
 */
export async function loadRegistry(file: string | undefined, io: CliIo): Promise<PolicyRegistry> {
  if (!file) return builtinRegistry();
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readText(file));
  } catch (error) {
    if (error instanceof RecertError) throw error;
    throw new RecertError('invalid-policy', `${file} is not valid JSON`, [{ path: file, message: (error as Error).message }]);
  }
  const extra = Array.isArray(parsed) ? parsed : [parsed];
  const ids = new Set(extra.map((policy) => (typeof policy === 'object' && policy && 'id' in policy ? policy.id : undefined)));
  const kept = builtinPolicies.filter((policy) => !ids.has(policy.id));
  return createPolicyRegistry([...kept, ...extra], builtinBodies);
}
