import { and, eq, sql } from 'drizzle-orm';
import { builtinBodies, builtinPolicies } from '../../core/policies/builtin/index';
import type { BodyInput } from '../../core/policies/body-schema';
import { createPolicyRegistry, type PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db, DbOrTx } from '../db/database';
import { bodies, policyVersions, programs } from '../db/schema/bodies';

/**
 * The policies in force, read from the database (policy_versions) and
 * validated like any other policy document. Bodies and their programs are
 * data: the built-in ones are installed once, then edited as new versions.
 */
export class PolicyStore {
  // The promise, not its value: concurrent first requests share one load.
  private registry: Promise<PolicyRegistry> | null = null;

  constructor(private readonly db: Db) {}

  current(): Promise<PolicyRegistry> {
    this.registry ??= this.load().catch((error: unknown) => {
      this.registry = null;
      throw error;
    });
    return this.registry;
  }

  invalidate(): void {
    this.registry = null;
  }

  private async load(): Promise<PolicyRegistry> {
    const bodyRows = await this.db.select().from(bodies);
    const current = await policiesInForce(this.db);
    return createPolicyRegistry(
      current.map((row) => row.policy),
      bodyRows.map((row) => row.document as BodyInput),
    );
  }
}

/** Every program's policy document in the version in force (the documents, not yet validated). */
export function policiesInForce(db: DbOrTx) {
  return db
    .select({ programId: programs.id, policy: policyVersions.policy })
    .from(programs)
    .innerJoin(
      policyVersions,
      and(
        eq(policyVersions.bodyId, programs.bodyId),
        eq(policyVersions.programId, programs.id),
        eq(policyVersions.version, programs.currentVersion),
      ),
    );
}

/** Installs the three seed bodies and their programs, once; later runs change nothing. */
export async function installBuiltinPolicies(db: DbOrTx): Promise<void> {
  const registry = createPolicyRegistry(builtinPolicies, builtinBodies);
  await db
    .insert(bodies)
    .values(builtinBodies.map((body) => ({ id: body.id, name: body.name, timeZone: body.timeZone, document: body })))
    // Installations from before body documents were stored get the built-in one; an edited document stays.
    .onConflictDoUpdate({ target: bodies.id, set: { document: sql`excluded.document` }, where: sql`${bodies.document} is null` });
  await db
    .insert(programs)
    .values(
      registry
        .list()
        .map((p) => ({ bodyId: p.body, id: p.id, name: p.name, designation: p.designation, currentVersion: p.version })),
    )
    .onConflictDoNothing();
  await db
    .insert(policyVersions)
    .values(
      builtinPolicies.map((input) => ({
        bodyId: registry.require(String(input.id)).body,
        programId: String(input.id),
        version: Number(input.version),
        policy: input,
      })),
    )
    .onConflictDoNothing();
}
