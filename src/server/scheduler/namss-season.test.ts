/**
 * A whole NAMSS renewal season (seed 003), day by day from July 31, 2025 to
 * June 5, 2026, with the daily tick (what `recert tick --as-of` runs) and
 * people doing what people do: renewing early, on the due date, late, with an
 * extension, during grace, and never. Every date, fee and status comes from
 * the policy; staff only judge (review, audit).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../compliance/date-math';
import { namssPolicies } from '../../core/policies/builtin/namss';
import { addEvidence } from '../activities/evidence';
import { PolicyStore } from '../bodies/policy-store';
import { certificatePdf } from '../demo/demo-documents';
import { certifications } from '../db/schema/people';
import { cycleResults } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';
import { LocalFileStorage } from '../files/file-storage';
import { buildActivities, buildCertificant, buildUser } from '../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { tick } from './tick';

let t: TestApp;
let folder: string;
let files: LocalFileStorage;
const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123', holderName: 'Card Holder' };
const noon = (date: string) => new Date(`${date}T17:00:00Z`);

type Who = Awaited<ReturnType<typeof holder>>;
const people: Record<string, Who> = {};

async function holder(slug: string, member = true) {
  const db = t.database.db;
  const { person, user } = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: `${slug[0]!.toUpperCase()}${slug.slice(1)} Season`,
    email: `${slug}@season.example`,
    member,
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-01', renewedThrough: '2022-12-01' }],
  });
  const done = await buildActivities(
    db,
    Array.from({ length: 8 }, (_, i) => ({
      bodyId: 'namss',
      personId: person.id,
      type: 'webinar',
      title: `${slug} webinar ${i + 1}`,
      startDate: `${2023 + Math.floor(i / 4)}-0${(i % 4) + 2}-10`,
      hours: 4,
      approved: i % 2 === 0,
    })),
  );
  const [held] = await db.select().from(certifications).where(eq(certifications.personId, person.id));
  return { personId: person.id, userId: user.id, certificationId: held!.id, activityIds: done.map((a) => a.id), slug };
}

async function certificates(who: Who, activityIds: string[]) {
  for (const activityId of activityIds)
    await addEvidence({
      db: t.database.db,
      storage: files,
      bodyId: 'namss',
      personId: who.personId,
      activityId,
      filename: 'certificate.pdf',
      bytes: await certificatePdf(who.slug, '4 credits'),
      actorUserId: who.userId,
    });
}

const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
  const email = who.includes('@') ? who : `${who}@season.example`;
  return t.app.inject({ method, url: `/api/v1/bodies/namss${url}`, headers: await t.signIn(email), payload });
};
const ok = async <T = Record<string, unknown>>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`${answer.statusCode}: ${answer.body}`);
  return answer.json() as T;
};
type Renewal = {
  id: string;
  state: string;
  phase: string;
  invoice: { id: string; totalCents: number } | null;
  auditSelected: boolean;
};

const renewalPath = (who: Who) => `/people/${who.personId}/certifications/${who.certificationId}/renewal`;
const submit = (who: Who, activityIds = who.activityIds) =>
  ok<Renewal>(call(who.slug, 'POST', renewalPath(who), { activityIds, ethicsAttested: false }));
const payByCard = (who: Who, invoiceId: string) =>
  ok(call(who.slug, 'POST', `/invoices/${invoiceId}/card`, { idempotencyKey: randomUUID(), card: CARD }));
const approve = (who: Who, renewalId: string) =>
  ok<Renewal>(call('staff@season.example', 'POST', `/people/${who.personId}/renewals/${renewalId}/approve`));
const decideItem = (who: Who, renewalId: string, activityId: string, decision: 'accepted' | 'rejected') =>
  ok<Renewal>(
    call('staff@season.example', 'POST', `/people/${who.personId}/renewals/${renewalId}/items/${activityId}/decision`, {
      decision,
      ...(decision === 'rejected' ? { reason: 'the certificate is for another person' } : {}),
    }),
  );
const status = async (who: Who) =>
  (await ok<{ certifications: { status: string }[] }>(call('staff@season.example', 'GET', `/people/${who.personId}/progress`)))
    .certifications[0]!.status;
const feesOn = async (who: Who) => {
  const options = await ok<{ quote: { accepted: boolean; lines?: { code: string; cents: number }[]; explanation?: string } }>(
    call(who.slug, 'GET', renewalPath(who)),
  );
  return options.quote.accepted ? options.quote.lines!.map((line) => `${line.code} ${line.cents}`) : options.quote.explanation!;
};

/** What happened, by date: statuses seen, fees quoted, refusals; checked at the end. */
const seen: Record<string, unknown> = {};
const renewalOf: Record<string, Renewal> = {};

beforeAll(async () => {
  t = await createTestApp({ now: noon('2025-07-01') });
  folder = await mkdtemp(join(tmpdir(), 'recert-season-'));
  files = new LocalFileStorage(folder);
  await buildUser(t.database.db, {
    email: 'staff@season.example',
    displayName: 'Season Staff',
    roles: [{ bodyId: 'namss', role: 'admin' }],
  });
  // The body's fees (seed 003 gives no recertification amount), and no random audits: only the compulsory ones here.
  for (const policy of namssPolicies) {
    const published = await call(
      'staff@season.example',
      'POST',
      `/programs/${encodeURIComponent(String(policy.id))}/policy-versions`,
      {
        policy: {
          ...policy,
          fees: { ...policy.fees, recertification: { member: 25000, nonMember: 35000 } },
          renewal: { ...policy.renewal, auditShare: 0 },
        },
        reason: 'the 2025 season',
      },
    );
    expect(published.statusCode, published.body).toBe(201);
  }
  for (const slug of ['erin', 'dale', 'chris', 'lou', 'evan', 'gail', 'nick']) people[slug] = await holder(slug);
  await certificates(people.evan!, people.evan!.activityIds.slice(0, 4));
  await certificates(people.gail!, people.gail!.activityIds);
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

/** The season's events, by date (each done at noon in New York, before that day's tick). */
const events: Record<string, (() => Promise<void>)[]> = {
  '2025-07-31': [
    async () => {
      seen['nick fees 07-31'] = await feesOn(people.nick!);
      const early = await call('erin', 'POST', renewalPath(people.erin!), { activityIds: people.erin!.activityIds });
      seen['erin before the window'] = problemOf(early).detail;
    },
  ],
  '2025-08-01': [
    async () => {
      const { erin } = people;
      renewalOf.erin = await submit(erin!);
      await payByCard(erin!, renewalOf.erin.invoice!.id);
    },
  ],
  '2025-08-20': [async () => void (await approve(people.erin!, renewalOf.erin!.id))],
  '2025-12-01': [
    async () => {
      seen['nick fees 12-01'] = await feesOn(people.nick!);
      renewalOf.dale = await submit(people.dale!);
      // The extension: asked before 5 p.m. on the due date, with certificates for half the credit, and its fee.
      const asked = await ok<{ id: string; invoice: { id: string } }>(
        call('evan', 'POST', `/people/${people.evan!.personId}/extensions`, {
          program: 'namss/cpcs',
          activityIds: people.evan!.activityIds.slice(0, 4),
        }),
      );
      await payByCard(people.evan!, asked.invoice.id);
      renewalOf.evanExtension = asked as unknown as Renewal;
    },
  ],
  '2025-12-02': [async () => void (seen['nick fees 12-02'] = await feesOn(people.nick!))],
  '2025-12-03': [
    async () => {
      renewalOf.chris = await submit(people.chris!);
      seen['chris invoice'] = renewalOf.chris.invoice!.totalCents;
      await ok(
        call('staff@season.example', 'POST', `/extensions/${renewalOf.evanExtension!.id}/decision`, { decision: 'grant' }),
      );
    },
  ],
  '2025-12-08': [
    async () => {
      // Chris's check, written on the due date, arrives a week later: the late fee is credited by itself.
      const paid = await ok<{ balanceCents: number; credits: { lineCode: string | null }[] }>(
        call('staff@season.example', 'POST', `/invoices/${renewalOf.chris!.invoice!.id}/checks`, {
          checkNumber: '3310',
          cents: 25000,
          writtenOn: '2025-12-01',
          payerKind: 'person',
          payerName: 'Chris Season',
        }),
      );
      seen['chris after the check'] = { balance: paid.balanceCents, credited: paid.credits.map((c) => c.lineCode) };
    },
  ],
  '2025-12-10': [
    async () => {
      await ok(
        call('staff@season.example', 'POST', `/invoices/${renewalOf.dale!.invoice!.id}/checks`, {
          checkNumber: '118',
          cents: 25000,
          writtenOn: '2025-11-30',
          payerKind: 'employer',
          payerName: 'Season Hospital',
        }),
      );
    },
  ],
  '2025-12-15': [
    async () => {
      renewalOf.lou = await submit(people.lou!);
      seen['lou invoice'] = renewalOf.lou.invoice!.totalCents;
      await payByCard(people.lou!, renewalOf.lou.invoice!.id);
    },
  ],
  '2025-12-22': [async () => void (await approve(people.dale!, renewalOf.dale!.id))],
  '2025-12-28': [
    async () => {
      await approve(people.chris!, renewalOf.chris!.id);
      await approve(people.lou!, renewalOf.lou!.id);
    },
  ],
  '2025-12-31': [async () => void (seen['nick fees 12-31'] = await feesOn(people.nick!))],
  '2026-01-01': [async () => void (seen['nick fees 01-01'] = await feesOn(people.nick!))],
  '2026-02-10': [
    async () => {
      // Extended to June 1: no late fee, and always audited. One certificate turns out not to be Evan's.
      const { evan } = people;
      renewalOf.evan = await submit(evan!, evan!.activityIds);
      seen['evan renewal'] = {
        phase: renewalOf.evan.phase,
        total: renewalOf.evan.invoice!.totalCents,
        audited: renewalOf.evan.auditSelected,
      };
      await payByCard(evan!, renewalOf.evan.invoice!.id);
      await certificates(evan!, evan!.activityIds.slice(4));
      for (const activityId of evan!.activityIds.slice(0, 7)) await decideItem(evan!, renewalOf.evan.id, activityId, 'accepted');
      const last = await decideItem(evan!, renewalOf.evan.id, evan!.activityIds[7]!, 'rejected');
      seen['evan after the audit'] = last.state;
    },
  ],
  '2026-02-20': [
    async () => {
      // Evan adds the credit he lacked, with its certificate, and submits again: the fee already paid counts.
      const { evan } = people;
      const [extra] = await buildActivities(t.database.db, [
        {
          bodyId: 'namss',
          personId: evan!.personId,
          type: 'conference',
          title: 'Spring conference',
          startDate: '2025-10-20',
          hours: 4,
        },
      ]);
      await certificates(evan!, [extra!.id]);
      const picked = [...evan!.activityIds.slice(0, 7), extra!.id];
      renewalOf.evan = await submit(evan!, picked);
      seen['evan resubmitted'] = { paid: renewalOf.evan.invoice?.totalCents ?? null };
      for (const activityId of picked) await decideItem(evan!, renewalOf.evan.id, activityId, 'accepted');
      await approve(evan!, renewalOf.evan.id);
    },
  ],
  '2026-03-01': [
    async () => {
      // Lapsed in January; reinstated in grace with all CE documented, the fee and the reinstatement fee.
      const { gail } = people;
      renewalOf.gail = await submit(gail!);
      seen['gail renewal'] = {
        phase: renewalOf.gail.phase,
        total: renewalOf.gail.invoice!.totalCents,
        audited: renewalOf.gail.auditSelected,
      };
      await payByCard(gail!, renewalOf.gail.invoice!.id);
      for (const activityId of gail!.activityIds) await decideItem(gail!, renewalOf.gail.id, activityId, 'accepted');
      await approve(gail!, renewalOf.gail.id);
    },
  ],
  '2026-06-01': [async () => void (seen['nick fees 06-01'] = await feesOn(people.nick!))],
  '2026-06-02': [async () => void (seen['nick fees 06-02'] = await feesOn(people.nick!))],
};

/** Everyone's status, read after the tick of these dates. */
const checkpoints = [
  '2025-07-31',
  '2025-08-01',
  '2025-08-20',
  '2025-12-02',
  '2025-12-15',
  '2026-01-01',
  '2026-03-02',
  '2026-06-02',
];
const statuses: Record<string, Record<string, string>> = {};

describe('a NAMSS renewal season, day by day', () => {
  it('runs every date, fee and status from the policy', async () => {
    const store = new PolicyStore(t.database.db);
    for (let day = '2025-07-31'; day <= '2026-06-05'; day = addDays(day, 1)) {
      t.setNow(noon(day));
      for (const event of events[day] ?? []) await event();
      const registry = await store.current();
      await tick({ db: t.database.db, registry, now: noon(day), asOf: day, bodyIds: ['namss'] });
      if (day === '2026-01-01') {
        // A second tick of the same date (a restart, a replay) changes nothing and sends nothing twice.
        const before = await snapshot();
        await tick({ db: t.database.db, registry, now: noon(day), asOf: day, bodyIds: ['namss'] });
        expect(await snapshot()).toEqual(before);
      }
      if (checkpoints.includes(day))
        statuses[day] = Object.fromEntries(
          await Promise.all(Object.entries(people).map(async ([slug, who]) => [slug, await status(who)])),
        );
    }

    expect(seen['erin before the window']).toMatch(/opens on 2025-08-01/);
    // Fees on each boundary date (a member: $250; late $50; reinstatement $100).
    expect(seen['nick fees 07-31']).toMatch(/opens on 2025-08-01/);
    expect(seen['nick fees 12-01']).toEqual(['recertification 25000']);
    expect(seen['nick fees 12-02']).toEqual(['recertification 25000', 'late 5000']);
    expect(seen['nick fees 12-31']).toEqual(['recertification 25000', 'late 5000']);
    expect(seen['nick fees 01-01']).toEqual(['recertification 25000', 'reinstatement 10000']);
    expect(seen['nick fees 06-01']).toEqual(['recertification 25000', 'reinstatement 10000']);
    expect(seen['nick fees 06-02']).toMatch(/expired/);
    // A check dated on the due date counts as on time whenever it arrives.
    expect(seen['chris invoice']).toBe(30000);
    expect(seen['chris after the check']).toEqual({ balance: 0, credited: ['late'] });
    expect(seen['lou invoice']).toBe(30000);
    // The extension: no late fee, always audited; rejected credit returns the application, and it is renewed after.
    expect(seen['evan renewal']).toEqual({ phase: 'on-time', total: 25000, audited: true });
    expect(seen['evan after the audit']).toBe('returned');
    expect(seen['gail renewal']).toEqual({ phase: 'grace', total: 35000, audited: true });

    expect(statuses).toEqual({
      '2025-07-31': {
        erin: 'active',
        dale: 'active',
        chris: 'active',
        lou: 'active',
        evan: 'active',
        gail: 'active',
        nick: 'active',
      },
      '2025-08-01': expect.objectContaining({ erin: 'in-review', dale: 'renewal-open', nick: 'renewal-open' }),
      '2025-08-20': expect.objectContaining({ erin: 'active', dale: 'renewal-open' }),
      '2025-12-02': { erin: 'active', dale: 'in-review', chris: 'late', lou: 'late', evan: 'late', gail: 'late', nick: 'late' },
      '2025-12-15': {
        erin: 'active',
        dale: 'in-review',
        chris: 'in-review',
        lou: 'in-review',
        evan: 'extended',
        gail: 'late',
        nick: 'late',
      },
      '2026-01-01': {
        erin: 'active',
        dale: 'active',
        chris: 'active',
        lou: 'active',
        evan: 'extended',
        gail: 'lapsed',
        nick: 'lapsed',
      },
      '2026-03-02': {
        erin: 'active',
        dale: 'active',
        chris: 'active',
        lou: 'active',
        evan: 'active',
        gail: 'active',
        nick: 'lapsed',
      },
      '2026-06-02': {
        erin: 'active',
        dale: 'active',
        chris: 'active',
        lou: 'active',
        evan: 'active',
        gail: 'active',
        nick: 'expired',
      },
    });

    // Nick, who never renewed, heard of each date once; Erin, who renewed in August, had no reminder after.
    expect(await noticeKinds(people.nick!)).toEqual([
      'window-open',
      'due-reminder',
      'due-reminder',
      'due-reminder',
      'late',
      'lapsed',
      'grace-ending',
      'expired',
    ]);
    expect((await noticeKinds(people.erin!)).filter((kind) => kind === 'due-reminder' || kind === 'late')).toEqual([]);
    const nickTooLate = await call('nick', 'POST', renewalPath(people.nick!), { activityIds: people.nick!.activityIds });
    expect(problemOf(nickTooLate).detail).toMatch(/expired/);
  }, 600_000);
});

async function snapshot() {
  const db = t.database.db;
  const [notices] = await db.select({ n: count() }).from(notifications).where(eq(notifications.bodyId, 'namss'));
  const results = await db
    .select()
    .from(cycleResults)
    .where(and(eq(cycleResults.bodyId, 'namss')));
  return { notices: notices!.n, results: results.map(({ evaluatedOn: _on, ...row }) => row) };
}

async function noticeKinds(who: Who) {
  const rows = await t.database.db
    .select({ kind: notifications.kind, key: notifications.key, on: notifications.noticeOn })
    .from(notifications)
    .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.personId, who.personId)))
    .orderBy(notifications.noticeOn, notifications.key);
  return rows.filter((row) => !row.kind.startsWith('renewal-') && row.kind !== 'payment-received').map((row) => row.kind);
}
