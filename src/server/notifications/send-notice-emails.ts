import { sql } from 'drizzle-orm';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { rowsOf, type Db } from '../db/database';
import type { Mailer } from '../mail/mailer';

/** A claim older than this, never finished (a process that died mid-send), is taken over. */
export const STALE_EMAIL_CLAIM_MINUTES = 15;
const BATCH = 200;

/** Why a notice was not e-mailed (notifications.email_skipped). */
export type EmailSkipReason = 'turned-off' | 'no-address';

interface ClaimedRow {
  id: string;
  /** The claim's time as the database wrote it (text, to the microsecond): whose claim it still is. */
  claimed_at: string;
  person_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

interface RecipientRow {
  id: string;
  contact_emails: string[];
  sign_in_emails: string[];
  turned_off: string[];
}

/**
 * Notices e-mailed whose emailed_at could not be written (the database failed
 * right after the send), by id: kept by the caller from one run to the next,
 * and written first thing next run, while their claims still hold them.
 */
export type SentNotRecorded = Map<string, { bodyId: string; emailedAt: Date }>;

/**
 * E-mails the notices not yet e-mailed, in every body: each is first claimed
 * (email_claimed_at), then sent through the mailer and marked emailed_at, so
 * a restart, or two server processes, send it once; a claim left unfinished
 * for STALE_EMAIL_CLAIM_MINUTES is taken over. Claims are dated and judged by
 * the database's clock, the one all processes share, when each batch is
 * claimed (not when the run began), and each is confirmed still ours and
 * renewed just before its e-mail goes, so a long run's claims do not go stale
 * under it. A notice of a kind the person turned off (and the body does not
 * make mandatory), or of a person with no address (contact e-mails first,
 * else the addresses they sign in with), is marked skipped with the reason.
 * On a failed send the unsent claims are let go and the error is thrown: the
 * next run tries again. If the send went but writing emailed_at failed, that
 * notice stays claimed (so no other process sends it for now) and goes into
 * `sentNotRecorded`, which the next run writes before sending anything.
 */
export async function sendNoticeEmails(options: {
  db: Db;
  registry: PolicyRegistry;
  mailer: Mailer;
  now: Date;
  /** The web app's address, for the links in the e-mail. */
  publicUrl: string;
  bodyIds?: string[];
  /** The caller's, kept between runs (see SentNotRecorded); without it, such a notice is sent again once its claim is stale. */
  sentNotRecorded?: SentNotRecorded;
}): Promise<{ sent: number; skipped: number }> {
  const { db, registry, now } = options;
  const sentNotRecorded: SentNotRecorded = options.sentNotRecorded ?? new Map();
  await recordSent(db, sentNotRecorded);
  const done = { sent: 0, skipped: 0 };
  for (const body of registry.bodies()) {
    if (options.bodyIds && !options.bodyIds.includes(body.id)) continue;
    const mandatory = mandatoryKinds(registry, body.id);
    for (;;) {
      const claimed = await claim(db, body.id);
      if (claimed.length === 0) break;
      const recipients = new Map(
        (await recipientsOf(db, body.id, [...new Set(claimed.map((row) => row.person_id))])).map((r) => [r.id, r]),
      );
      const skipped = new Map<EmailSkipReason, string[]>([
        ['turned-off', []],
        ['no-address', []],
      ]);
      const toSend: { row: ClaimedRow; to: string }[] = [];
      for (const row of claimed) {
        const recipient = recipients.get(row.person_id);
        const addresses = recipient?.contact_emails.length ? recipient.contact_emails : (recipient?.sign_in_emails ?? []);
        if (recipient?.turned_off.includes(row.kind) && !mandatory.has(row.kind)) skipped.get('turned-off')!.push(row.id);
        else if (addresses.length === 0) skipped.get('no-address')!.push(row.id);
        else toSend.push({ row, to: addresses.join(', ') });
      }
      for (const [reason, ids] of skipped) {
        if (ids.length === 0) continue;
        await db.execute(
          sql`update notifications set email_skipped = ${reason} where body_id = ${body.id} and id in ${ids} and emailed_at is null`,
        );
        done.skipped += ids.length;
      }
      for (const [index, { row, to }] of toSend.entries()) {
        let ours = false;
        let sent = false;
        try {
          ours = await stillClaimed(db, body.id, row);
          if (!ours) continue;
          await options.mailer.send({
            to,
            subject: `${body.name}: ${row.title}`,
            text: emailText(row, body.id, options.publicUrl),
          });
          sent = true;
          done.sent++;
          await db.execute(sql`update notifications set emailed_at = ${now} where body_id = ${body.id} and id = ${row.id}`);
        } catch (error) {
          // Sent but not recorded: it stays claimed, to be recorded next run. Unsent: let go, for the next run to send.
          if (sent) sentNotRecorded.set(row.id, { bodyId: body.id, emailedAt: now });
          await letGo(db, body.id, {
            renewed: ours && !sent ? [row.id] : [],
            unchanged: toSend.slice(index + 1).map((s) => s.row.id),
            // One statement claimed the batch, so its claims share one time.
            claimedAt: row.claimed_at,
          }).catch(() => undefined); // Unsent, they are sent once their claims are stale.
          throw error;
        }
      }
      if (claimed.length < BATCH) break;
    }
  }
  return done;
}

/** Kinds any of the body's programs sends regardless of preferences (a notice is not tied to one program's policy). */
export function mandatoryKinds(registry: PolicyRegistry, bodyId: string): ReadonlySet<string> {
  return new Set<string>(registry.list().flatMap((policy) => (policy.body === bodyId ? policy.notifications.mandatory : [])));
}

/**
 * Takes a batch of the body's notices still to e-mail: unclaimed, or claimed
 * long ago and never finished. Dated now(), the database's time at the claim.
 */
async function claim(db: Db, bodyId: string): Promise<ClaimedRow[]> {
  const open = sql`emailed_at is null and email_skipped is null
    and (email_claimed_at is null or email_claimed_at < now() - make_interval(mins => ${STALE_EMAIL_CLAIM_MINUTES}))`;
  return rowsOf<ClaimedRow>(
    db,
    sql`update notifications set email_claimed_at = now()
      where body_id = ${bodyId} and ${open} and id in (
        select id from notifications where body_id = ${bodyId} and ${open}
        order by created_at limit ${BATCH} for update skip locked)
      returning id, email_claimed_at::text as claimed_at, person_id, kind, title, body, link`,
  );
}

/**
 * Just before its e-mail: whether the notice is still ours to send (not
 * e-mailed, claim not taken over by another process since), renewing the
 * claim's time so it does not go stale while the rest of the batch is sent.
 */
async function stillClaimed(db: Db, bodyId: string, row: ClaimedRow): Promise<boolean> {
  const renewed = await rowsOf<{ id: string }>(
    db,
    sql`update notifications set email_claimed_at = now()
      where body_id = ${bodyId} and id = ${row.id} and emailed_at is null and email_claimed_at = ${row.claimed_at}::timestamptz
      returning id`,
  );
  return renewed.length > 0;
}

/**
 * Lets go of this run's claims on notices it has not sent: those whose claim
 * it renewed just now, and those still as claimed (not another process's since).
 */
async function letGo(db: Db, bodyId: string, claims: { renewed: string[]; unchanged: string[]; claimedAt: string }) {
  const { renewed, unchanged, claimedAt } = claims;
  if (renewed.length + unchanged.length === 0) return;
  const ours = [
    ...(renewed.length > 0 ? [sql`id in ${renewed}`] : []),
    ...(unchanged.length > 0 ? [sql`(id in ${unchanged} and email_claimed_at = ${claimedAt}::timestamptz)`] : []),
  ];
  await db.execute(
    sql`update notifications set email_claimed_at = null
      where body_id = ${bodyId} and emailed_at is null and (${sql.join(ours, sql` or `)})`,
  );
}

/** Writes emailed_at of the notices e-mailed in an earlier run whose writing failed; throws, sending nothing, while it still fails. */
async function recordSent(db: Db, sentNotRecorded: SentNotRecorded): Promise<void> {
  for (const [id, { bodyId, emailedAt }] of sentNotRecorded) {
    await db.execute(
      sql`update notifications set emailed_at = ${emailedAt} where body_id = ${bodyId} and id = ${id} and emailed_at is null`,
    );
    sentNotRecorded.delete(id);
  }
}

/** Each person's contact e-mails, the addresses of the active users signing in as them, and the kinds they turned off. */
async function recipientsOf(db: Db, bodyId: string, personIds: string[]): Promise<RecipientRow[]> {
  return rowsOf<RecipientRow>(
    db,
    sql`select p.id, p.contact_emails,
        coalesce((select array_agg(ue.email order by ue.created_at, ue.email)
          from memberships m join users u on u.id = m.user_id join user_emails ue on ue.user_id = m.user_id
          where m.body_id = p.body_id and m.person_id = p.id and m.role = 'certificant' and u.disabled_at is null), '{}') as sign_in_emails,
        coalesce((select array_agg(np.kind) from notification_preferences np
          where np.body_id = p.body_id and np.person_id = p.id and not np.enabled), '{}') as turned_off
      from people p where p.body_id = ${bodyId} and p.id in ${personIds}`,
  );
}

function emailText(row: ClaimedRow, bodyId: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  const person = `${base}/bodies/${bodyId}/people/${row.person_id}`;
  return [
    // Every notice, the scheduler's or another step's, says it is a courtesy.
    row.body.includes(COURTESY_NOTE) ? row.body : `${row.body}\n\n${COURTESY_NOTE}`,
    ...(row.link ? ['', `Open: ${base}${row.link}`] : []),
    '',
    `Your notices: ${person}/inbox`,
    `Choose which reminders you receive: ${person}/notification-preferences`,
  ].join('\n');
}
