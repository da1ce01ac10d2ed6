import type { TestApp } from './test-app';
import type { Db } from '../db/database';
import { buildActivities, buildCertificant, buildUser } from './factories';

/**
 * Two bodies and one person of each role: the cast of the API and role tests.
 * Alice holds CPCS at NAMSS; Bob is another NAMSS certificant; Rita reviews
 * and Ada administers NAMSS; Otto administers and Tess is certified at TechServe.
 */
export async function seedCast(db: Db) {
  const alice = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: 'Alice Adams',
    email: 'alice@example.org',
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
  });
  const [aliceActivity] = await buildActivities(db, [
    { bodyId: 'namss', personId: alice.person.id, type: 'webinar', startDate: '2020-03-01', hours: 1.5, approved: true },
  ]);
  const bob = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: 'Bob Brown',
    email: 'bob@example.org',
    holds: [{ programId: 'namss/cpmsm', awarded: '2020-01-10' }],
  });
  const rita = await buildUser(db, {
    email: 'rita@example.org',
    displayName: 'Rita Reviewer',
    roles: [{ bodyId: 'namss', role: 'reviewer' }],
  });
  const ada = await buildUser(db, {
    email: 'ada@example.org',
    displayName: 'Ada Admin',
    roles: [{ bodyId: 'namss', role: 'admin' }],
  });
  const otto = await buildUser(db, {
    email: 'otto@example.org',
    displayName: 'Otto Other',
    roles: [{ bodyId: 'techserve', role: 'admin' }],
  });
  const tess = await buildCertificant(db, {
    bodyId: 'techserve',
    legalName: 'Tess Turner',
    email: 'tess@example.org',
    holds: [{ programId: 'techserve/cpsr-1', awarded: '2021-04-01' }],
  });
  return { alice, aliceActivity: aliceActivity!, bob, rita, ada, otto, tess };
}

export type CastMember = 'alice' | 'bob' | 'rita' | 'ada' | 'otto' | 'tess';
export type CastHeaders<K extends CastMember> = Record<K | 'anonymous', Record<string, string>>;

/** Request headers for members of the cast, signed in, plus `anonymous` (no session). */
export async function signInCast<K extends CastMember>(t: TestApp, names: readonly K[]): Promise<CastHeaders<K>> {
  const headers = { anonymous: {} } as CastHeaders<K>;
  for (const name of names) headers[name] = await t.signIn(`${name}@example.org`);
  return headers;
}
