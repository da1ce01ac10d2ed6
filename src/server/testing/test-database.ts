import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';

/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by
 * default, or, when TEST_DATABASE_URL names a PostgreSQL server, a new
 * database on it that is dropped afterwards.
 */
export async function openTestDatabase(): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  const name = `recert_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      try {
        // An autovacuum worker on the database cannot be ended by a non-superuser: wait for it a little.
        for (let attempt = 1; ; attempt++) {
          try {
            await cleanup.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (error) {
            if (attempt === 10) {
              console.warn(`test database ${name} left behind: ${(error as Error).message}`);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
          }
        }
      } finally {
        await cleanup.end();
      }
    },
  };
}
