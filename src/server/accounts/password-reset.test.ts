import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../mail/mailer';
import { buildUser } from '../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://recert.example.org' } });
  await buildUser(t.database.db, { email: 'kim@example.org', extraEmails: ['kim@home.example'], password: 'old password 123' });
}, 60_000);
afterAll(() => t.close());

async function outbox(): Promise<string[]> {
  const files = (await readdir(t.outboxDir)).sort();
  return Promise.all(files.map((f) => readFile(join(t.outboxDir, f), 'utf8')));
}

// The body is quoted-printable: undo soft line breaks and =XX escapes.
const decoded = (message: string) =>
  message.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const tokenIn = (message: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(decoded(message))![1]!;

describe('password reset', () => {
  it('answers the same for unknown addresses and sends nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'nobody@example.org' },
    });
    expect(response.statusCode).toBe(202);
    expect(await outbox()).toEqual([]);
  });

  it('e-mails a one-time link that sets a new password and ends every session', async () => {
    const session = await t.signIn('kim@example.org', 'old password 123');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'KIM@home.example' },
    });
    expect(response.statusCode).toBe(202);
    const [message] = await outbox();
    expect(message).toContain('To: kim@home.example');
    expect(decoded(message!)).toContain('https://recert.example.org/reset-password?token=');
    const token = tokenIn(message!);

    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'short' },
    });
    expect(problemOf(short).errors).toEqual([{ path: 'body.password', message: 'must be at least 10 characters' }]);

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    await expect(t.signIn('kim@example.org', 'old password 123')).rejects.toThrow();
    await t.signIn('kim@example.org', 'a brand new passphrase');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'another passphrase!' },
    });
    expect(problemOf(again).errors).toEqual([{ path: 'body.token', message: 'invalid, used or expired' }]);
  });
});

describe('mail over SMTP', () => {
  it('sends through the configured server', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Recert <no-reply@example.org>',
        outboxDir: '/nonexistent',
      });
      await mailer.send({ to: 'kim@example.org', subject: 'Hello', text: 'Body text' });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('Subject: Hello');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
