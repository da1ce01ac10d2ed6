/** The PostgreSQL server the benchmarks run on, a fresh database on it, and the processor time both sides use. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf, type Db } from '../src/server/db/database';

const LOCAL = 'postgres://recert:recert@127.0.0.1:5432/postgres';

/** DATABASE_URL, else the local server of these machines, started if it is down (.ci/run shows how it is installed). */
export async function serverUrl(): Promise<string> {
  const url = process.env.DATABASE_URL ?? LOCAL;
  const answers = async () => {
    const client = new pg.Client({ connectionString: url });
    return client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
  };
  if (await answers()) return url;
  if (process.env.DATABASE_URL) throw new Error('DATABASE_URL does not answer');
  execFileSync('bash', ['-c', 'pg_ctlcluster $(ls /usr/lib/postgresql | sort -n | tail -1) main start'], { stdio: 'inherit' });
  if (!(await answers())) throw new Error(`no PostgreSQL at ${url}`);
  return url;
}

/** Drops and creates the database `name` on the server; returns its URL. */
export async function freshDatabase(server: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** CPU seconds each of this database's server processes has used so far (PostgreSQL on this machine, read from /proc). */
export async function databaseCpu(db: Db): Promise<Map<number, number> | null> {
  try {
    const pids = await rowsOf<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`);
    return new Map(
      pids.map(({ pid }) => {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [pid, (Number(fields[11]) + Number(fields[12])) / 100];
      }),
    );
  } catch {
    return null;
  }
}

/** CPU seconds the database's processes used since `before` (processes that ended meanwhile are not counted). */
export async function databaseCpuSince(db: Db, before: Map<number, number> | null): Promise<number | null> {
  const after = before && (await databaseCpu(db));
  if (!before || !after) return null;
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}
