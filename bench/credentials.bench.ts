/**
 * `npm run bench:credentials`: 100,000 SER certificants (BENCH_CERTIFICANTS) in
 * PostgreSQL (DATABASE_URL, else the local server, started if it is down; a
 * fresh database), then the daily tick's credentials step as a body of that
 * size meets it: the first run issues every credential (random status slots,
 * audited), a second run for the same date changes nothing, a run on a date
 * when a tenth of them have expired sets those revocation bits. Then the
 * public side: signing a status list of 131,072 entries, and verifying
 * credentials end to end (signature, key, both status bits) in-process.
 * Prints one JSON line.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { installBuiltinPolicies, PolicyStore } from '../src/server/bodies/policy-store';
import { loadConfig } from '../src/server/config';
import { publicBaseOf } from '../src/server/credentials/credential-document';
import { bodySigningKey, signedCredential } from '../src/server/credentials/sign-credential';
import { signedStatusList, type StatusPurpose } from '../src/server/credentials/status-list';
import { syncBodyCredentials } from '../src/server/credentials/sync-credentials';
import { verifyCredentialJwt } from '../src/server/credentials/verify-credential';
import { openDatabase } from '../src/server/db/database';
import { credentials } from '../src/server/db/schema/credentials';
import { freshDatabase, serverUrl } from './bench-database';

const CERTIFICANTS = Number(process.env.BENCH_CERTIFICANTS ?? 100_000);
const VERIFICATIONS = Number(process.env.BENCH_VERIFICATIONS ?? 500);
const AS_OF = '2025-06-30';

// SER certificants: CERP, a three-year cycle from the award; one in ten awarded early enough to expire by the later date.
const SEED_SQL = (people: number) =>
  sql.raw(`
  create temporary table bench_people as
    select i, gen_random_uuid() as person_id,
      case when i % 10 = 0 then date '2022-07-01' + (i % 30) else date '2023-01-02' + (abs(hashint4(i)) % 700) end as awarded
    from generate_series(1, ${people}) i;
  insert into people (body_id, id, number, legal_name, contact_emails)
    select 'ser', person_id, 'SER-' || lpad(i::text, 7, '0'), 'Bench Person ' || i, array[]::text[] from bench_people;
  insert into certifications (body_id, person_id, program_id, awarded)
    select 'ser', person_id, 'ser/cerp', awarded from bench_people;
  analyze;`);

const database = await openDatabase({ url: await freshDatabase(await serverUrl(), 'recert_bench_credentials') });
await database.migrate();
await installBuiltinPolicies(database.db);
await database.db.execute(SEED_SQL(CERTIFICANTS));
const registry = await new PolicyStore(database.db).current();
const db = database.db;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
};
const loadAverage = Number(loadavg()[0]!.toFixed(2));
const [first, firstSeconds] = await timed(() => syncBodyCredentials({ db, registry, bodyId: 'ser', asOf: AS_OF }));
const [again, againSeconds] = await timed(() => syncBodyCredentials({ db, registry, bodyId: 'ser', asOf: AS_OF }));
const [later, laterSeconds] = await timed(() => syncBodyCredentials({ db, registry, bodyId: 'ser', asOf: '2026-01-15' }));

const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const services = { db, config, registry };
const base = publicBaseOf(config);
const list = (purpose: StatusPurpose) =>
  signedStatusList({ db, base, bodyId: 'ser', list: 0, purpose, signingKey: () => bodySigningKey(services, 'ser') });
await bodySigningKey(services, 'ser');
const [, statusListSeconds] = await timed(() => list('revocation'));

const rows = await db
  .select()
  .from(credentials)
  .where(sql`${credentials.bodyId} = 'ser'`)
  .limit(VERIFICATIONS);
const jwts: string[] = [];
const [, signSeconds] = await timed(async () => {
  for (const row of rows) jwts.push((await signedCredential(services, row)).jwt);
});
const now = new Date('2026-01-15T12:00:00Z');
const verdicts = new Map<string, number>();
const localStatusList = async (url: string) => list(url.endsWith('/suspension') ? 'suspension' : 'revocation');
const [, verifySeconds] = await timed(async () => {
  for (const jwt of jwts) {
    const { verdict } = await verifyCredentialJwt(jwt, { db, base, now, localStatusList });
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
  }
});
await database.close();

const round = (value: number, places = 2) => Number(value.toFixed(places));
console.log(
  JSON.stringify({
    bench: 'credentials',
    certificants: CERTIFICANTS,
    firstRunIssued: first.credentialsIssued,
    firstRunSeconds: round(firstSeconds),
    issuedPerSecond: Math.round(first.credentialsIssued / firstSeconds),
    sameDateRunChanged: again.credentialsIssued + again.credentialsChanged,
    sameDateRunSeconds: round(againSeconds),
    laterDateChanged: later.credentialsChanged,
    laterDateSeconds: round(laterSeconds),
    statusListSignMs: round(statusListSeconds * 1000, 1),
    signedCredentials: jwts.length,
    signPerSecond: Math.round(jwts.length / signSeconds),
    verifiedPerSecond: Math.round(jwts.length / verifySeconds),
    verdicts: Object.fromEntries(verdicts),
    loadAverage,
  }),
);
