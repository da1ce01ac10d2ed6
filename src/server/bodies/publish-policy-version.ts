import { and, desc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { BodyInput } from '../../core/policies/body-schema';
import { createPolicyRegistry } from '../../core/policies/policy-registry';
import type { Policy } from '../../core/policies/policy-schema';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { bodies, policyVersions, programs } from '../db/schema/bodies';
import { policiesInForce, type PolicyStore } from './policy-store';

/**
 * Puts a new version of a program's policy in force: the document is
 * validated as every policy is, and together with every other policy in force
 * (a sharing group must keep one combined requirement). The version number is
 * the next one; earlier versions stay, and results already judged under them
 * keep naming them. One transaction with its audit entry; the process's
 * policies are reloaded after it.
 */
export async function publishPolicyVersion(options: {
  db: Db;
  store: PolicyStore;
  bodyId: string;
  programId: string;
  document: Record<string, unknown>;
  reason: string;
  actorUserId: string | null;
}): Promise<{ version: number; policy: Policy }> {
  const { db, store, bodyId, programId, reason, actorUserId } = options;
  const published = await db.transaction(async (tx) => {
    const [program] = await tx
      .select()
      .from(programs)
      .where(and(eq(programs.bodyId, bodyId), eq(programs.id, programId)))
      .for('update');
    if (!program) throw new RecertError('not-found', 'not found');
    const [latest] = await tx
      .select({ version: policyVersions.version })
      .from(policyVersions)
      .where(and(eq(policyVersions.bodyId, bodyId), eq(policyVersions.programId, programId)))
      .orderBy(desc(policyVersions.version))
      .limit(1);
    const version = (latest?.version ?? 0) + 1;
    const { version: _ignored, ...rest } = options.document;
    const document: Record<string, unknown> = { ...rest, version };
    if (document.id !== programId || document.body !== bodyId) {
      throw new RecertError('invalid-policy', 'the policy names another program', [
        ...(document.id === programId ? [] : [{ path: 'policy.id', message: `must be "${programId}"` }]),
        ...(document.body === bodyId ? [] : [{ path: 'policy.body', message: `must be "${bodyId}"` }]),
      ]);
    }
    const inForce = await policiesInForce(tx);
    const bodyRows = await tx.select({ document: bodies.document }).from(bodies);
    let registry;
    try {
      registry = createPolicyRegistry(
        [...inForce.filter((row) => row.programId !== programId).map((row) => row.policy), document],
        bodyRows.map((row) => row.document as BodyInput),
      );
    } catch (error) {
      // Only this document's problems: the others are in force already.
      if (error instanceof RecertError) {
        const mine = error.issues.filter((issue) => issue.path.includes(`(${programId})`) || !issue.path.startsWith('policies['));
        throw new RecertError('invalid-policy', error.message, (mine.length > 0 ? mine : error.issues).map(toPolicyPath));
      }
      throw error;
    }
    const policy = registry.require(programId);
    await tx.insert(policyVersions).values({ bodyId, programId, version, policy: document });
    await tx
      .update(programs)
      .set({ currentVersion: version, name: policy.name, designation: policy.designation })
      .where(and(eq(programs.bodyId, bodyId), eq(programs.id, programId)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'policy',
      entityId: programId,
      action: 'policy.published',
      before: { version: program.currentVersion },
      after: { version, policy: document },
      reason,
    });
    return { version, policy };
  });
  store.invalidate();
  return published;
}

/** `policies[3] (namss/cpcs).fees.late` → `policy.fees.late`: the client sent one document. */
function toPolicyPath(issue: { path: string; message: string }) {
  return { path: issue.path.replace(/^policies\[\d+\](?: \([^)]*\))?/, 'policy'), message: issue.message };
}
