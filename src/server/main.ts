import { join } from 'node:path';
import { buildApp } from './app';
import { installBuiltinPolicies, PolicyStore } from './bodies/policy-store';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { dateAt } from '../core/dates/today';
import { reevaluateBody } from './compliance/reevaluate';
import { DEMO_PASSWORD, loadDemoOnce, type DemoSignIn } from './demo/load-demo';
import { createMailer } from './mail/mailer';
import { defaultStorageRoot, LocalFileStorage } from './files/file-storage';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else embedded PGlite under the data folder. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(config.RECERT_DATA_DIR, 'pglite') });
}

/** `recert migrate`: applies the committed migrations and installs the built-in bodies. */
export async function migrateDatabase(config: Config = loadConfig()): Promise<string> {
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    await installBuiltinPolicies(database.db);
    return database.kind;
  } finally {
    await database.close();
  }
}

/**
 * Everything start-up does to a database: migrations, the built-in bodies,
 * the demo (once), then every body re-evaluated for today, which also
 * catches up after downtime (re-evaluation is idempotent).
 */
export async function prepareDatabase(database: Database, options: { demo: boolean; now: Date }): Promise<DemoSignIn[]> {
  await database.migrate();
  await installBuiltinPolicies(database.db);
  const signIns = options.demo ? await loadDemoOnce(database.db, options.now) : [];
  const registry = await new PolicyStore(database.db).current();
  for (const body of registry.bodies()) {
    await reevaluateBody({ db: database.db, registry, bodyId: body.id, asOf: dateAt(body.timeZone, options.now) });
  }
  return signIns;
}

/** `recert start` (npm start): migrate, load the demo once, serve the API and the web app. */
export async function startServer(options: { demo: boolean; print: (line: string) => void }): Promise<() => Promise<void>> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const signIns = await prepareDatabase(database, { demo: options.demo, now: new Date() });
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: join(config.RECERT_DATA_DIR, 'outbox'),
  });
  const files = new LocalFileStorage(defaultStorageRoot(config.RECERT_DATA_DIR));
  const app = await buildApp({
    db: database.db,
    config,
    policies: new PolicyStore(database.db),
    mailer,
    files,
    now: () => new Date(),
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  const where = config.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded database in ${join(config.RECERT_DATA_DIR, 'pglite')}`;
  options.print(`Recert is running at ${address.replace('127.0.0.1', 'localhost')} on the ${where}`);
  options.print(`API documentation: ${address}/api/docs`);
  if (signIns.length > 0) {
    options.print(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const s of signIns) options.print(`  ${s.email.padEnd(26)} ${s.who} (${s.body}, ${s.role})`);
  }
  const stop = async () => {
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return stop;
}
