/**
 * `npm run bench:roster`: 100,000 SER certificants in PostgreSQL (DATABASE_URL,
 * else the local server, started if it is down; a fresh database), one
 * provider with an approved course, then a roster of 100,000 attendees (four
 * in five named by certificant number, one in five by e-mail) reported through
 * the HTTP API with the provider's API key. Prints one JSON line: the rows,
 * the import's seconds and rows per second first; then how long the follow-up
 * took (every confirmation stored and attached, every attendee's figures
 * refreshed) and how long an identical re-upload takes.
 */
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { installBuiltinPolicies, PolicyStore } from '../src/server/bodies/policy-store';
import { reevaluateBody } from '../src/server/compliance/reevaluate';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { LocalFileStorage } from '../src/server/files/file-storage';
import { createMailer } from '../src/server/mail/mailer';
import { buildOffering, buildProvider } from '../src/server/testing/provider-factories';
import { databaseCpu, databaseCpuSince, freshDatabase, serverUrl } from './bench-database';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ACTIVITIES_EACH = Number(process.env.BENCH_ACTIVITIES ?? 10);
const AS_OF = '2025-06-30';

// SER certificants generated inside PostgreSQL: numbers SER-0000001..., every fifth with a contact e-mail, each with history.
const SEED_SQL = (people: number, each: number) =>
  sql.raw(`
  create temporary table bench_people as
    select i, gen_random_uuid() as person_id, date '2023-01-02' + (abs(hashint4(i)) % 700) as awarded
    from generate_series(1, ${people}) i;
  insert into people (body_id, id, number, legal_name, contact_emails)
    select 'ser', person_id, 'SER-' || lpad(i::text, 7, '0'), 'Bench Person ' || i,
      case when i % 5 = 0 then array['bench' || i || '@example.org'] else array[]::text[] end
    from bench_people;
  insert into certifications (body_id, person_id, program_id, awarded)
    select 'ser', person_id, 'ser/cerp', awarded from bench_people;
  insert into activities (body_id, person_id, title, type, start_date, hundredths, approved)
    select 'ser', p.person_id, 'Activity ' || k, (array['course','workshop','conference','symposium'])[1 + (p.i + k) % 4],
      p.awarded + abs(hashint4(p.i * 17 + k)) % 500, 100 + abs(hashint4(p.i * 13 + k)) % 300, k % 2 = 0
    from bench_people p, generate_series(1, ${each}) k;
  analyze;`);

const rosterRow = (i: number) => ({
  name: `Bench Person ${i}`,
  ...(i % 5 === 0 ? { email: `bench${i}@example.org` } : { number: `SER-${String(i).padStart(7, '0')}` }),
  completedOn: `2025-0${4 + (i % 3)}-1${i % 10}`,
  hours: 1 + (i % 12) / 2,
  ...(i % 4 === 0 ? { grade: 'pass' } : {}),
});

const database = await openDatabase({ url: await freshDatabase(await serverUrl(), 'recert_bench_roster') });
await database.migrate();
await installBuiltinPolicies(database.db);
await database.db.execute(SEED_SQL(ROWS, ACTIVITIES_EACH));
const policies = new PolicyStore(database.db);
await reevaluateBody({ db: database.db, registry: await policies.current(), bodyId: 'ser', asOf: AS_OF });

const { provider, user } = await buildProvider(database.db, {
  bodyId: 'ser',
  name: 'Bench Restoration Institute',
  userEmail: 'provider@bench.example',
  password: 'bench password',
});
const { offering } = await buildOffering(database.db, {
  bodyId: 'ser',
  providerId: provider.id,
  createdBy: user!.id,
  title: 'Prairie restoration field course',
  type: 'recurring-course',
  recurring: true,
  dates: ['2025-04-10', '2025-05-10', '2025-06-10'],
  hours: 8,
  validFrom: '2025-01-01',
  validUntil: '2026-12-31',
  approvalCode: 'SER-2025-0001',
});

const filesDir = join(tmpdir(), `recert-roster-files-${process.pid}`);
const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
const app = await buildApp({
  db: database.db,
  config,
  policies,
  mailer: createMailer({ from: config.MAIL_FROM, outboxDir: join(tmpdir(), 'recert-bench-outbox') }),
  files: new LocalFileStorage(filesDir),
  now: () => new Date(`${AS_OF}T12:00:00Z`),
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const signIn = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/sign-in',
  payload: { email: 'provider@bench.example', password: 'bench password' },
});
const session = {
  cookie: `recert_session=${signIn.cookies.find((c) => c.name === 'recert_session')!.value}`,
  'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken,
};
const created = await app.inject({
  method: 'POST',
  url: `/api/v1/bodies/ser/providers/${provider.id}/api-key`,
  headers: session,
});
const key = created.json<{ key: string }>().key;

const body = JSON.stringify({ rows: Array.from({ length: ROWS }, (_, i) => rosterRow(i + 1)) });
// The machine is shared: besides the wall-clock time, the processor time the server and the database spent on the
// import (what it would take on a machine to itself, give or take the disk).
const upload = async () => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const dbCpu = await databaseCpu(database.db);
  const response = await fetch(`${address}/api/v1/bodies/ser/offerings/${offering.id}/attendance`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  });
  const report = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`roster refused: ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const dbUsed = await databaseCpuSince(database.db, dbCpu);
  return { seconds, report, serverCpuSeconds: (used.user + used.system) / 1e6, databaseCpuSeconds: dbUsed };
};

const loadAverage = Number(loadavg()[0]!.toFixed(2));
const first = await upload();
let started = performance.now();
// The background run starts once the answer is out; a sweep joins it, and returns when everything is complete.
await app.attendanceFollowUp.sweep();
await app.attendanceFollowUp.idle();
const followUpSeconds = (performance.now() - started) / 1000;
started = performance.now();
const again = await upload();
await app.close();
await database.close();
await rm(filesDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    rows: ROWS,
    seconds: Number(first.seconds.toFixed(2)),
    rowsPerSecond: Math.round(ROWS / first.seconds),
    serverCpuSeconds: Number(first.serverCpuSeconds.toFixed(2)),
    databaseCpuSeconds: first.databaseCpuSeconds === null ? null : Number(first.databaseCpuSeconds.toFixed(2)),
    matched: first.report.matched,
    unmatched: first.report.unmatched,
    followUpSeconds: Number(followUpSeconds.toFixed(2)),
    reuploadSeconds: Number(again.seconds.toFixed(2)),
    reuploadAdded: again.report.added,
    activitiesEach: ACTIVITIES_EACH,
    loadAverage,
  }),
);
