/**
 * `npm run bench:api`: 100,000 certificants with 3,000,000 activities in
 * PostgreSQL (DATABASE_URL, else the local server, started if it is down),
 * re-evaluates everyone, then drives the progress endpoint over loopback with
 * autocannon (50 connections, a separate process) and prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { installBuiltinPolicies, PolicyStore } from '../src/server/bodies/policy-store';
import { reevaluateBody } from '../src/server/compliance/reevaluate';
import { loadConfig } from '../src/server/config';
import { openDatabase, rowsOf } from '../src/server/db/database';
import { buildUser } from '../src/server/testing/factories';
import { createMailer } from '../src/server/mail/mailer';
import { LocalFileStorage } from '../src/server/files/file-storage';
import { databaseCpu, databaseCpuSince, freshDatabase, serverUrl } from './bench-database';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ACTIVITIES_EACH = Number(process.env.BENCH_ACTIVITIES ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const AS_OF = '2025-06-30';

// Deterministic synthetic people, generated inside PostgreSQL: 60% NAMSS (a fifth of them dual), 30% TechServe, 10% SER.
const SEED_SQL = (people: number, each: number) =>
  sql.raw(`
  -- Deterministic version-4 UUIDs (the API accepts only well-formed ones).
  create function pg_temp.bench_uuid(seed text) returns uuid language sql immutable as
    $$ select overlay(overlay(md5(seed) placing '4' from 13) placing '8' from 17)::uuid $$;
  create temporary table bench_people as
    select i, case when i % 10 < 6 then 'namss' when i % 10 < 9 then 'techserve' else 'ser' end as body,
      pg_temp.bench_uuid('p' || i) as person_id, date '2022-12-02' + (abs(hashint4(i)) % 900) as awarded
    from generate_series(1, ${people}) i;
  insert into people (body_id, id, number, legal_name, city, region, member)
    select body, person_id, upper(body) || '-' || lpad(i::text, 7, '0'), 'Bench Person ' || i, 'Springfield', 'IL', i % 2 = 0
    from bench_people;
  insert into certifications (body_id, id, person_id, program_id, awarded)
    select body, pg_temp.bench_uuid('c' || i), person_id,
      case body when 'namss' then 'namss/cpcs' when 'techserve' then 'techserve/cpsr-1' else 'ser/cerp' end, awarded
    from bench_people;
  insert into certifications (body_id, id, person_id, program_id, awarded)
    select body, pg_temp.bench_uuid('d' || i), person_id, 'namss/cpmsm', awarded + 30 from bench_people where body = 'namss' and i % 5 = 0;
  insert into activities (body_id, person_id, title, type, start_date, hundredths, categories, approved)
    select p.body, p.person_id, 'Activity ' || k,
      case p.body
        when 'namss' then (array['webinar','conference','online-course','virtual-course'])[1 + abs(hashint4(p.i * 31 + k)) % 4]
        when 'techserve' then (array['webinar','chapter-event','training-program','annual-conference','external'])[1 + abs(hashint4(p.i * 31 + k)) % 5]
        else (array['course','workshop','conference','symposium'])[1 + abs(hashint4(p.i * 31 + k)) % 4] end,
      p.awarded - 200 + abs(hashint4(p.i * 17 + k)) % 1300,
      50 + abs(hashint4(p.i * 13 + k)) % 400,
      case when k % 4 = 0 then array['legal'] else array[]::text[] end,
      k % 2 = 0
    from bench_people p, generate_series(1, ${each}) k;
  analyze;
`);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const round = (value: number | null, digits = 2) => (value === null ? null : Number(value.toFixed(digits)));
const busyBefore = loadavg()[0]!;

const server = await serverUrl();
const url = await freshDatabase(server, 'recert_bench');
const database = await openDatabase({ url });
await database.migrate();
await installBuiltinPolicies(database.db);

let started = performance.now();
await database.db.execute(SEED_SQL(PEOPLE, ACTIVITIES_EACH));
const loadSeconds = (performance.now() - started) / 1000;

const policies = new PolicyStore(database.db);
const registry = await policies.current();
started = performance.now();
let cpu = process.cpuUsage();
let dbCpu = await databaseCpu(database.db);
let certifications = 0;
for (const bodyId of ['namss', 'techserve', 'ser']) {
  certifications += (await reevaluateBody({ db: database.db, registry, bodyId, asOf: AS_OF })).certifications;
}
const reevaluateSeconds = (performance.now() - started) / 1000;
const reevaluateNodeCpu = cpuSeconds(cpu);
const reevaluateDbCpu = await databaseCpuSince(database.db, dbCpu);

await buildUser(database.db, {
  email: 'bench@example.org',
  password: 'bench password',
  roles: ['namss', 'techserve', 'ser'].map((bodyId) => ({ bodyId, role: 'admin' as const })),
});
const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
const mailer = createMailer({ from: config.MAIL_FROM, outboxDir: '/tmp/recert-bench-outbox' });
const app = await buildApp({
  db: database.db,
  config,
  policies,
  mailer,
  files: new LocalFileStorage(join(tmpdir(), `recert-files-${process.pid}`)),
  now: () => new Date(`${AS_OF}T12:00:00Z`),
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const signIn = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/sign-in',
  payload: { email: 'bench@example.org', password: 'bench password' },
});
const cookie = `recert_session=${signIn.cookies.find((c) => c.name === 'recert_session')!.value}`;
const targets = await rowsOf<{ body: string; person_id: string }>(
  database.db,
  sql.raw(`select body_id as body, id as person_id from people order by md5(id::text) limit 5000`),
);
const paths = targets.map((t) => `/api/v1/bodies/${t.body}/people/${t.person_id}/progress`);
if (process.env.BENCH_DEBUG) {
  const probe = await app.inject({ method: 'GET', url: paths[0]!, headers: { cookie } });
  console.error(probe.statusCode, probe.body.slice(0, 300));
}
const pathsFile = join(tmpdir(), `recert-bench-paths-${process.pid}.json`);
writeFileSync(pathsFile, JSON.stringify(paths));

// The load generator runs in its own process so it does not share the server's event loop.
cpu = process.cpuUsage();
dbCpu = await databaseCpu(database.db);
const load = await new Promise<{
  requests: { average: number; total: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}>((resolve, reject) => {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./load-progress.mjs', import.meta.url))], {
    env: {
      ...process.env,
      TARGET: address,
      COOKIE: cookie,
      PATHS_FILE: pathsFile,
      CONNECTIONS: String(CONNECTIONS),
      DURATION: String(DURATION),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`))));
});
const progressNodeCpu = cpuSeconds(cpu);
const progressDbCpu = await databaseCpuSince(database.db, dbCpu);
await app.close();
await database.close();

console.log(
  JSON.stringify({
    certificants: PEOPLE,
    activities: PEOPLE * ACTIVITIES_EACH,
    certifications,
    loadSeconds: Number(loadSeconds.toFixed(2)),
    reevaluateSeconds: Number(reevaluateSeconds.toFixed(2)),
    progressRps: Math.round(load.requests.average),
    progressP50Ms: load.latency.p50,
    progressP99Ms: load.latency.p99,
    non2xx: load.non2xx,
    errors: load.errors,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    // Where the time went: CPU of this process (re-evaluation, then the server) and of the database's processes,
    // and the machine's load average before the run (other work on the machine slows every figure).
    reevaluateNodeCpuSeconds: round(reevaluateNodeCpu),
    reevaluateDbCpuSeconds: round(reevaluateDbCpu),
    progressNodeCpuUsPerRequest: Math.round((progressNodeCpu * 1e6) / load.requests.total),
    progressDbCpuUsPerRequest: progressDbCpu === null ? null : Math.round((progressDbCpu * 1e6) / load.requests.total),
    loadAverageBefore: round(busyBefore),
  }),
);
