import { and, eq, inArray } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { RecertError, type FieldIssue } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { memberships, userEmails, users } from '../db/schema/accounts';
import { certifications, people } from '../db/schema/people';
import { recordAudit } from '../audit/record-audit';
import { syncCredentials } from '../credentials/sync-credentials';
import { matchPendingAttendance } from '../providers/attendance/match-pending-attendance';
import { todayOf } from './get-progress';
import type { PersonRow } from './load-person-record';
import type { NewPerson } from './person-schemas';

/** Problems with a new person that need the body's data: programs, held twice, number or e-mail taken in this body. */
export async function personIssues(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  person: NewPerson,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  person.certifications.forEach((held, index) => {
    const policy = registry.get(held.program);
    if (!policy || policy.body !== bodyId) {
      issues.push({ path: `certifications[${index}].program`, message: `"${held.program}" is not a program of ${bodyId}` });
    }
    if (seen.has(held.program))
      issues.push({ path: `certifications[${index}].program`, message: `"${held.program}" is listed twice` });
    seen.add(held.program);
    if (held.renewedThrough && held.renewedThrough < held.awarded) {
      issues.push({ path: `certifications[${index}].renewedThrough`, message: 'must not be before awarded' });
    }
  });
  if (person.number) {
    const [taken] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.bodyId, bodyId), eq(people.number, person.number)));
    if (taken) issues.push({ path: 'number', message: `certificant number ${person.number} is already in use` });
  }
  if (person.emails.length > 0) {
    const emails = person.emails.map((e) => e.toLowerCase());
    const inBody = await db
      .select({ email: userEmails.email })
      .from(userEmails)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, userEmails.userId), eq(memberships.bodyId, bodyId), eq(memberships.role, 'certificant')),
      )
      .where(inArray(userEmails.email, emails));
    for (const row of inBody)
      issues.push({ path: 'emails', message: `${row.email} already belongs to a certificant of ${bodyId}` });
  }
  return issues;
}

function generatedNumber(bodyId: string): string {
  return `${bodyId.toUpperCase()}-${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/**
 * Creates the person, their certifications and their sign-in in one
 * transaction of the caller. An e-mail that already signs in (the same person
 * at another body) gets this body's membership; a new one gets an account
 * without a password, set through the reset link. Attendance reported under
 * the person's number or e-mails becomes theirs.
 */
export async function insertPerson(tx: DbOrTx, bodyId: string, person: NewPerson, actorUserId: string): Promise<PersonRow> {
  const [row] = await tx
    .insert(people)
    .values({
      bodyId,
      number: person.number ?? generatedNumber(bodyId),
      legalName: person.legalName,
      birthDate: person.birthDate ?? null,
      city: person.city ?? null,
      region: person.region ?? null,
      member: person.member,
    })
    .returning();
  const created = row as PersonRow;
  if (person.certifications.length > 0) {
    await tx.insert(certifications).values(
      person.certifications.map((held) => ({
        bodyId,
        personId: created.id,
        programId: held.program,
        awarded: held.awarded,
        renewedThrough: held.renewedThrough ?? null,
      })),
    );
  }
  const emails = person.emails.map((e) => e.toLowerCase());
  if (emails.length > 0) {
    const existing = await tx.select({ userId: userEmails.userId }).from(userEmails).where(inArray(userEmails.email, emails));
    let userId = existing[0]?.userId;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({ displayName: person.legalName, passwordHash: null })
        .returning({ id: users.id });
      userId = user!.id;
    }
    const known = new Set(
      (await tx.select({ email: userEmails.email }).from(userEmails).where(eq(userEmails.userId, userId))).map((r) => r.email),
    );
    const fresh = emails.filter((email) => !known.has(email));
    if (fresh.length > 0)
      await tx
        .insert(userEmails)
        .values(fresh.map((email) => ({ email, userId: userId! })))
        .onConflictDoNothing();
    await tx.insert(memberships).values({ bodyId, userId, role: 'certificant', personId: created.id }).onConflictDoNothing();
  }
  await recordAudit(tx, {
    bodyId,
    actorUserId,
    entity: 'person',
    entityId: created.id,
    personId: created.id,
    action: 'person.added',
    after: { ...person, number: created.number },
  });
  // Providers may have reported the person's attendance before the body knew them.
  await matchPendingAttendance(tx, { bodyId, personId: created.id, actorUserId });
  return created;
}

/** An admin adds one certificant. */
export async function addPerson(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  person: NewPerson;
  actorUserId: string;
  now: Date;
}) {
  const { db, registry, bodyId, person, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const issues = await personIssues(tx, registry, bodyId, person);
    if (issues.length > 0)
      throw new RecertError(
        'invalid-input',
        'the person is invalid',
        issues.map((i) => ({ ...i, path: `body.${i.path}` })),
      );
    const created = await insertPerson(tx, bodyId, person, actorUserId);
    await syncCredentials({
      tx,
      registry,
      bodyId,
      personIds: [created.id],
      on: todayOf(registry, bodyId, now),
      actor: actorUserId,
      now,
    });
    return created;
  });
}
