import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { certifications } from '../db/schema/people';

/**
 * The activity type must count for at least one program the person holds.
 * Returns whether it needs the body's advance approval under every such program.
 */
export async function checkActivityType(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  type: string;
}): Promise<{ needsApproval: boolean }> {
  const { db, registry, bodyId, personId, type } = options;
  const held = await db
    .select({ programId: certifications.programId })
    .from(certifications)
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.personId, personId)));
  const rules = held.flatMap(({ programId }) => {
    const policy = registry.get(programId);
    const rule = policy && registry.typeRule(policy, type);
    return rule ? [rule] : [];
  });
  if (rules.length === 0) {
    const known = [...new Set(held.flatMap(({ programId }) => registry.get(programId)?.activityTypes.map((t) => t.id) ?? []))];
    throw new RecertError('invalid-input', 'the activity is invalid', [
      {
        path: 'body.type',
        message: `"${type}" does not count for any certification held; known: ${known.join(', ') || 'none (no certification held)'}`,
      },
    ]);
  }
  return { needsApproval: rules.every((rule) => rule.requiresApproval) };
}
