import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app';
import { createMailer } from '../mail/mailer';
import { LocalFileStorage } from '../files/file-storage';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  /** Where mail goes when no SMTP_URL is given. */
  outboxDir: string;
  database: Database;
  /** Moves the app's clock (for tests that live through a calendar). */
  setNow(now: Date): void;
  /** Signs in and returns headers that carry the session cookie and CSRF token. */
  signIn(email: string, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export const TEST_NOW = new Date('2022-10-01T15:00:00Z');

/** The real application on a fresh database with the built-in bodies installed; one per test file. */
export async function createTestApp(options: { now?: Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000', ...options.env });
  let now = options.now ?? TEST_NOW;
  const outboxDir = await mkdtemp(join(tmpdir(), 'recert-outbox-'));
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir });
  const filesDir = await mkdtemp(join(tmpdir(), 'recert-files-'));
  const app = await buildApp({
    db: database.db,
    config,
    policies: new PolicyStore(database.db),
    mailer,
    files: new LocalFileStorage(filesDir),
    now: () => now,
  });
  await app.ready();
  return {
    app,
    outboxDir,
    database,
    setNow(next) {
      now = next;
    },
    async signIn(email, password = 'correct horse battery') {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'recert_session');
      return { cookie: `recert_session=${cookie!.value}`, 'x-csrf-token': response.json().csrfToken };
    },
    async close() {
      await app.close();
      await database.close();
      await rm(outboxDir, { recursive: true, force: true });
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export function problemOf(response: LightMyRequestResponse) {
  expectProblem(response);
  return response.json() as { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
}

function expectProblem(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
}
