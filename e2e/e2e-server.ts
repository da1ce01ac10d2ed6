import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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

/**
 * The journeys' clock: the server, its demo and every browser live on this
 * date (E2E_NOW), so date rules such as NAMSS's renewal season (August 1 to
 * December 1) hold whenever the suite runs. It advances with real time.
 */
const E2E_START = new Date(process.env.E2E_NOW ?? '2026-11-16T15:00:00Z').getTime();
const realStart = Date.now();
export const e2eNow = () => new Date(E2E_START + (Date.now() - realStart));

/** The real server, on an embedded database with the demo loaded, on a free loopback port. */
export async function startE2EServer() {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) throw new Error('the web app is not built: run npm run build first');
  const database = await openDatabase({ dataDir: 'memory://' });
  // The links the server writes (a certificate's verification URL) name the address it is reached at.
  const port = await freePort();
  const config = loadConfig({ LOG_LEVEL: 'warn', NODE_ENV: 'test', PUBLIC_URL: `http://127.0.0.1:${port}` });
  const mailer = createMailer({ from: config.MAIL_FROM, outboxDir: await mkdtemp(join(tmpdir(), 'recert-e2e-outbox-')) });
  const files = new LocalFileStorage(join(tmpdir(), `recert-files-${process.pid}`));
  await prepareDatabase(database, { demo: true, now: e2eNow(), files, mailer });
  const app = await buildApp({
    db: database.db,
    config,
    policies: new PolicyStore(database.db),
    mailer,
    files,
    now: e2eNow,
  });
  const url = await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A loopback port no one listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
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

/** A fresh browser profile whose pages read the journeys' date. */
export async function newContext(browser: Browser, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce', acceptDownloads: true });
  await context.clock.setFixedTime(e2eNow());
  return context;
}
