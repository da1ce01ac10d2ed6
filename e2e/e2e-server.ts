import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { PolicyStore } from '../src/server/bodies/policy-store';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { WEB_DIST_DIR } from '../src/server/http/web-plugin';
import { createMailer } from '../src/server/mail/mailer';
import { LocalFileStorage } from '../src/server/files/file-storage';
import { prepareDatabase } from '../src/server/main';

export const SCREENSHOTS = join(process.cwd(), 'artifacts', 'screenshots');
export const DEMO_PASSWORD = 'recert-demo';

/** The real server, on an embedded database with the demo loaded, on a free loopback port. */
export async function startE2EServer() {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) throw new Error('the web app is not built: run npm run build first');
  const database = await openDatabase({ dataDir: 'memory://' });
  const config = loadConfig({ LOG_LEVEL: 'warn', NODE_ENV: 'test' });
  const mailer = createMailer({ from: config.MAIL_FROM, outboxDir: await mkdtemp(join(tmpdir(), 'recert-e2e-outbox-')) });
  const files = new LocalFileStorage(join(tmpdir(), `recert-files-${process.pid}`));
  await prepareDatabase(database, { demo: true, now: new Date(), files, mailer });
  const app = await buildApp({
    db: database.db,
    config,
    policies: new PolicyStore(database.db),
    mailer,
    files,
    now: () => new Date(),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, headless, with the flags this network needs; playwright gives each launch a fresh profile folder. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function newContext(browser: Browser, width = 1280): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce', acceptDownloads: true });
}
