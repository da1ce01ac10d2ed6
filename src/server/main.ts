import { join } from 'node:path';
import { RecertError } from '../core/errors';
import { buildApp } from './app';
import { installBuiltinPolicies, PolicyStore } from './bodies/policy-store';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/database';
import { startDailyScheduler } from './scheduler/daily-scheduler';
import { tick } from './scheduler/tick';
import { sendNoticeEmails } from './notifications/send-notice-emails';
import type { DemoServices, DemoSignIn } from './demo/demo-sign-in';
import { DEMO_PASSWORD, loadDemoOnce } from './demo/load-demo';
import { createMailer } from './mail/mailer';
import { defaultStorageRoot, LocalFileStorage } from './files/file-storage';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else embedded PGlite under the data folder. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(config.RECERT_DATA_DIR, 'pglite') });
}

/** SMTP when SMTP_URL is set, else .eml files in the data folder's outbox. */
function configuredMailer(config: Config) {
  return createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: join(config.RECERT_DATA_DIR, 'outbox') });
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

/** `recert tick`: the daily work for a date (default today per body), on the configured database, then the notices' e-mails. */
export async function runTick(options: { asOf?: string; bodyIds?: string[]; config?: Config }) {
  const config = options.config ?? loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    await installBuiltinPolicies(database.db);
    const registry = await new PolicyStore(database.db).current();
    for (const [index, id] of (options.bodyIds ?? []).entries()) {
      if (!registry.body(id))
        throw new RecertError('invalid-input', `unknown body "${id}"`, [
          { path: `--body[${index}]`, message: 'is not a body of this installation' },
        ]);
    }
    const results = await tick({ db: database.db, registry, now: new Date(), asOf: options.asOf, bodyIds: options.bodyIds });
    // Then the notices' e-mails, as the server's sweep would (each once: a server running meanwhile shares the claims).
    const emails = await sendNoticeEmails({
      db: database.db,
      registry,
      mailer: configuredMailer(config),
      now: new Date(),
      publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      bodyIds: options.bodyIds,
    });
    return { results, emails };
  } finally {
    await database.close();
  }
}

/**
 * Everything start-up does to a database: migrations, the built-in bodies,
 * the demo (once), then every body's daily work for today, which also
 * catches up after downtime (the work is idempotent).
 */
export async function prepareDatabase(
  database: Database,
  options: { demo: boolean; now: Date } & DemoServices,
): Promise<DemoSignIn[]> {
  await database.migrate();
  await installBuiltinPolicies(database.db);
  const signIns = options.demo ? await loadDemoOnce(database.db, options.now, options) : [];
  await tick({ db: database.db, registry: await new PolicyStore(database.db).current(), now: options.now });
  return signIns;
}

/** `recert start` (npm start): migrate, load the demo once, serve the API and the web app. */
export async function startServer(options: { demo: boolean; print: (line: string) => void }): Promise<() => Promise<void>> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const mailer = configuredMailer(config);
  const files = new LocalFileStorage(defaultStorageRoot(config.RECERT_DATA_DIR));
  const signIns = await prepareDatabase(database, { demo: options.demo, now: new Date(), files, mailer });
  const policies = new PolicyStore(database.db);
  const now = () => new Date();
  const app = await buildApp({ db: database.db, config, policies, mailer, files, now });
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
  const stopScheduler = startDailyScheduler({ db: database.db, policies, now, log: app.log });
  const stop = async () => {
    await stopScheduler();
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
