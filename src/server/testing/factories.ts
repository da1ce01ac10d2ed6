import { hashPassword } from '../accounts/passwords';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { memberships, userEmails, users, type Role } from '../db/schema/accounts';
import { certifications, people } from '../db/schema/people';

/** Builders that write real rows, shared by the tests and the demo data. */

let sequence = 0;
const next = () => ++sequence;

export interface UserSpec {
  email?: string;
  extraEmails?: string[];
  password?: string;
  displayName?: string;
  roles?: { bodyId: string; role: Role; personId?: string | null; providerId?: string | null }[];
}

export async function buildUser(db: DbOrTx, spec: UserSpec = {}) {
  const n = next();
  const email = (spec.email ?? `user${n}@example.org`).toLowerCase();
  const [user] = await db
    .insert(users)
    .values({
      displayName: spec.displayName ?? `User ${n}`,
      passwordHash: await hashPassword(spec.password ?? 'correct horse battery'),
    })
    .returning();
  const id = user!.id;
  await db
    .insert(userEmails)
    .values([email, ...(spec.extraEmails ?? [])].map((address) => ({ email: address.toLowerCase(), userId: id })));
  if (spec.roles?.length) {
    await db.insert(memberships).values(
      spec.roles.map((r) => ({
        bodyId: r.bodyId,
        userId: id,
        role: r.role,
        personId: r.personId ?? null,
        providerId: r.providerId ?? null,
      })),
    );
  }
  return { id, email, password: spec.password ?? 'correct horse battery' };
}

export interface PersonSpec {
  bodyId: string;
  legalName?: string;
  number?: string;
  birthDate?: string | null;
  city?: string | null;
  region?: string | null;
  member?: boolean;
  contactEmails?: string[];
}

export async function buildPerson(db: DbOrTx, spec: PersonSpec) {
  const n = next();
  const [person] = await db
    .insert(people)
    .values({
      bodyId: spec.bodyId,
      number: spec.number ?? `${spec.bodyId.toUpperCase()}-${String(n).padStart(6, '0')}`,
      legalName: spec.legalName ?? `Person ${n}`,
      birthDate: spec.birthDate ?? null,
      city: spec.city ?? null,
      region: spec.region ?? null,
      member: spec.member ?? false,
      contactEmails: spec.contactEmails ?? [],
    })
    .returning();
  return person!;
}

export async function buildCertification(
  db: DbOrTx,
  spec: { id?: string; bodyId: string; personId: string; programId: string; awarded: string; renewedThrough?: string | null },
) {
  const [row] = await db
    .insert(certifications)
    .values({ ...spec, renewedThrough: spec.renewedThrough ?? null })
    .returning();
  return row!;
}

export interface ActivitySpec {
  bodyId: string;
  personId: string;
  type: string;
  startDate: string;
  hours: number;
  title?: string;
  categories?: string[];
  approved?: boolean;
  provider?: string | null;
}

/** Inserts many activities in one statement. */
export async function buildActivities(db: DbOrTx, specs: ActivitySpec[]) {
  if (specs.length === 0) return [];
  return db
    .insert(activities)
    .values(
      specs.map((spec) => ({
        bodyId: spec.bodyId,
        personId: spec.personId,
        type: spec.type,
        title: spec.title ?? `${spec.type} on ${spec.startDate}`,
        provider: spec.provider ?? null,
        startDate: spec.startDate,
        hundredths: Math.round(spec.hours * 100),
        categories: spec.categories ?? [],
        approved: spec.approved ?? false,
      })),
    )
    .returning();
}

/** A certificant: a person, their sign-in and their certifications. */
export async function buildCertificant(
  db: DbOrTx,
  spec: PersonSpec & {
    email?: string;
    password?: string;
    holds?: { id?: string; programId: string; awarded: string; renewedThrough?: string | null }[];
  },
) {
  const person = await buildPerson(db, spec);
  const user = await buildUser(db, {
    email: spec.email,
    password: spec.password,
    displayName: person.legalName,
    roles: [{ bodyId: spec.bodyId, role: 'certificant', personId: person.id }],
  });
  for (const held of spec.holds ?? []) await buildCertification(db, { bodyId: spec.bodyId, personId: person.id, ...held });
  return { person, user };
}
