import { and, eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import type { NoticeKind } from '../../core/policies/policy-schema';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { notificationPreferences, notifications } from '../db/schema/renewals';
import { createMailer, type Mailer, type Message } from '../mail/mailer';
import { buildCertificant, buildPerson } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { notify } from './notify';
import { sendNoticeEmails, STALE_EMAIL_CLAIM_MINUTES, type SentNotRecorded } from './send-notice-emails';

let database: Database;
let smtp: SMTPServer;
const received: string[] = [];
let mailer: Mailer;
const NOW = new Date('2025-11-24T14:00:00Z');
const people: Record<'signsIn' | 'contact' | 'nobody', string> = { signsIn: '', contact: '', nobody: '' };

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  people.signsIn = (await buildCertificant(database.db, { bodyId: 'namss', email: 'sam@example.org' })).person.id;
  people.contact = (
    await buildCertificant(database.db, {
      bodyId: 'namss',
      email: 'cora.login@example.org',
      contactEmails: ['cora@work.example', 'cora@home.example'],
    })
  ).person.id;
  people.nobody = (await buildPerson(database.db, { bodyId: 'namss' })).id;
  await database.db
    .insert(notificationPreferences)
    .values({ bodyId: 'namss', personId: people.contact, kind: 'due-reminder', enabled: false });
  smtp = new SMTPServer({
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
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Recert <no-reply@example.org>',
    outboxDir: '/nonexistent',
  });
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

const notice = (personId: string, kind: NoticeKind, key: string) => ({
  bodyId: 'namss',
  personId,
  kind,
  key,
  title: `${kind} ${key}`,
  body: `The body of ${key}.`,
  link: `/bodies/namss/people/${personId}`,
  noticeOn: '2025-11-24',
});
const send = async (options: { now?: Date; with?: Mailer; sentNotRecorded?: SentNotRecorded } = {}) =>
  sendNoticeEmails({
    db: database.db,
    registry: await new PolicyStore(database.db).current(),
    mailer: options.with ?? mailer,
    now: options.now ?? NOW,
    publicUrl: 'https://recert.example.org/',
    bodyIds: ['namss'],
    sentNotRecorded: options.sentNotRecorded,
  });
// The body is quoted-printable: undo soft line breaks and =XX escapes.
const decoded = (message: string) =>
  message
    .replace(/\r\n/g, '\n')
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const row = async (key: string) =>
  (
    await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.key, key)))
  )[0]!;

describe('e-mailing notices', () => {
  it('sends each once across a restart, to contact addresses first, skipping turned-off kinds and people without an address', async () => {
    await notify(database.db, [
      notice(people.signsIn, 'due-reminder', 'r1'),
      notice(people.contact, 'due-reminder', 'r2'),
      // Cora turned reminders off; lapsed is mandatory at NAMSS, so it goes regardless.
      notice(people.contact, 'lapsed', 'l2'),
      notice(people.nobody, 'late', 'n3'),
    ]);
    expect(await send()).toEqual({ sent: 2, skipped: 2 });
    // A restart: a second process (or the next sweep) finds nothing left.
    expect(await send()).toEqual({ sent: 0, skipped: 0 });
    expect(received).toHaveLength(2);
    const toSam = decoded(received.find((m) => m.includes('To: sam@example.org'))!);
    expect(toSam).toContain('Subject: National Association Medical Staff Services: due-reminder r1');
    expect(toSam).toContain(`The body of r1.\n\n${COURTESY_NOTE}`);
    expect(toSam).toContain(`https://recert.example.org/bodies/namss/people/${people.signsIn}/notification-preferences`);
    expect(received.find((m) => m.includes('To: cora@work.example, cora@home.example'))).toContain('The body of l2.');
    expect(await row('r1')).toMatchObject({ emailedAt: NOW, emailSkipped: null });
    expect(await row('r2')).toMatchObject({ emailedAt: null, emailSkipped: 'turned-off' });
    expect(await row('n3')).toMatchObject({ emailedAt: null, emailSkipped: 'no-address' });
  });

  it('leaves a fresh claim alone and takes over a stale one (a process that died mid-send), by the database clock', async () => {
    await notify(database.db, [notice(people.signsIn, 'late', 'c1')]);
    // Claims are a matter between processes, so they are dated and judged by the one clock all share: the database's.
    const claimedMinutesAgo = (minutes: number) =>
      database.db
        .update(notifications)
        .set({ emailClaimedAt: sql`now() - make_interval(mins => ${minutes})` })
        .where(eq(notifications.key, 'c1'));
    await claimedMinutesAgo(STALE_EMAIL_CLAIM_MINUTES - 1);
    expect(await send()).toEqual({ sent: 0, skipped: 0 });
    await claimedMinutesAgo(STALE_EMAIL_CLAIM_MINUTES + 1);
    expect(await send()).toEqual({ sent: 1, skipped: 0 });
    expect(await send()).toEqual({ sent: 0, skipped: 0 });
  });

  it('dates each claim when its batch is claimed, so a sweep begun over 15 minutes ago is not taken over and sent twice', async () => {
    await notify(database.db, [notice(people.signsIn, 'late', 's1'), notice(people.signsIn, 'late', 's2')]);
    const before = received.length;
    // While the long sweep sends, another process sweeps at the current time.
    let other: { sent: number; skipped: number } | undefined;
    const slow: Mailer = {
      send: async (message) => {
        other ??= await send({ now: new Date() });
        await mailer.send(message);
      },
    };
    const begun = new Date(Date.now() - (STALE_EMAIL_CLAIM_MINUTES + 5) * 60_000);
    expect(await send({ now: begun, with: slow })).toEqual({ sent: 2, skipped: 0 });
    expect(other).toEqual({ sent: 0, skipped: 0 });
    expect(received.length - before).toBe(2);
  });

  it('does not send a notice of its batch that another process took over meanwhile', async () => {
    await notify(database.db, [notice(people.signsIn, 'late', 't1'), notice(people.signsIn, 'late', 't2')]);
    const sentKeys: string[] = [];
    const takenOver: Mailer = {
      send: async (message) => {
        const key = message.subject.endsWith(' t1') ? 't1' : 't2';
        sentKeys.push(key);
        // Another process claims the other notice (its claim went stale while this one's batch was sending).
        if (sentKeys.length === 1)
          await database.db
            .update(notifications)
            .set({ emailClaimedAt: sql`now() + interval '1 second'` })
            .where(eq(notifications.key, key === 't1' ? 't2' : 't1'));
        await mailer.send(message);
      },
    };
    expect(await send({ with: takenOver })).toEqual({ sent: 1, skipped: 0 });
    expect(sentKeys).toHaveLength(1);
    // The other process's to finish: it e-mails the notice it took over.
    await database.db
      .update(notifications)
      .set({ emailedAt: NOW })
      .where(eq(notifications.key, sentKeys[0] === 't1' ? 't2' : 't1'));
  });

  it('does not send again a notice e-mailed whose emailed_at could not be written, and writes it on the next run', async () => {
    await notify(database.db, [notice(people.signsIn, 'late', 'w1'), notice(people.signsIn, 'late', 'w2')]);
    const before = received.length;
    // The database refuses to record a send (as if it went away) from the first e-mail on.
    const failToRecord = async () => {
      await database.db.execute(sql`create function refuse_emailed_at() returns trigger language plpgsql as $$
        begin if new.emailed_at is not null then raise exception 'database went away'; end if; return new; end $$`);
      await database.db.execute(
        sql`create trigger refuse_emailed_at before update on notifications for each row execute function refuse_emailed_at()`,
      );
    };
    let failing = false;
    const thenFail: Mailer = {
      send: async (message) => {
        await mailer.send(message);
        if (!failing) await failToRecord();
        failing = true;
      },
    };
    // The database's own refusal (a failed query's cause), not any error.
    const refused = { cause: expect.objectContaining({ message: 'database went away' }) };
    const sentNotRecorded: SentNotRecorded = new Map();
    await expect(send({ with: thenFail, sentNotRecorded })).rejects.toMatchObject(refused);
    expect(received.length - before).toBe(1);
    const [first, second] = received.at(-1)!.includes('late w1') ? ['w1', 'w2'] : ['w2', 'w1'];
    // The e-mailed one stays claimed (not sent again by another process for now); the other is let go.
    expect(await row(first)).toMatchObject({ emailedAt: null, emailClaimedAt: expect.any(Date) });
    expect(await row(second)).toMatchObject({ emailedAt: null, emailClaimedAt: null });
    // Still unable to record: nothing more is sent.
    await expect(send({ sentNotRecorded })).rejects.toMatchObject(refused);
    expect(received.length - before).toBe(1);
    // The database is back: the next run records the first (as sent then) and sends only the other.
    await database.db.execute(sql`drop trigger refuse_emailed_at on notifications`);
    await database.db.execute(sql`drop function refuse_emailed_at()`);
    expect(await send({ sentNotRecorded })).toEqual({ sent: 1, skipped: 0 });
    expect(sentNotRecorded.size).toBe(0);
    expect(received.length - before).toBe(2);
    expect(await row(first)).toMatchObject({ emailedAt: NOW });
    expect(await send()).toEqual({ sent: 0, skipped: 0 });
  });

  it('lets go of its claims when the mail server fails, so the next run sends them', async () => {
    await notify(database.db, [notice(people.signsIn, 'expired', 'f1'), notice(people.signsIn, 'grace-ending', 'f2')]);
    const tried: Message[] = [];
    const failing: Mailer = {
      send: async (message) => {
        tried.push(message);
        throw new Error('mail server down');
      },
    };
    await expect(send({ with: failing })).rejects.toThrow('mail server down');
    expect(tried).toHaveLength(1);
    expect(await row('f1')).toMatchObject({ emailedAt: null, emailClaimedAt: null });
    expect(await send()).toEqual({ sent: 2, skipped: 0 });
  });
});
