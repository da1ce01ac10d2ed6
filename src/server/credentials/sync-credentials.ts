import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import { currentCycle } from '../../core/compliance/cycles';
import { deadlinesFor, statusOn, type CertificationStatus } from '../../core/compliance/deadlines';
import { cycleStateOf } from '../../core/compliance/evaluate';
import { formatDate, requireDate } from '../../core/dates/calendar-date';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db, DbOrTx } from '../db/database';
import type { RevocationReason, SuspensionReason } from '../db/schema/credentials';
import { certifications, people } from '../db/schema/people';
import type { CredentialRow } from './credential-document';
import { currentCredentials } from './current-credentials';
import {
  revocation,
  writeCredentialChanges,
  type CredentialUpdate,
  type FreshCredential,
  type SyncResult,
} from './write-credential-changes';

/**
 * What each status means for a certification's current credential.
 *
 * - withdrawn, expired: the revocation bit. Revocation is final (W3C
 *   Bitstring Status List: not reversible), so a later restore issues a new
 *   credential instead of clearing it.
 * - suspended: the suspension bit, cleared by a restore or an overturned appeal.
 * - lapsed (past the late period, within grace): the suspension bit. The
 *   person may not present themselves as certified (NAMSS: lapsed from
 *   January 1), yet the body may still reinstate them within grace, which is
 *   reversible; reinstatement is a renewal of the cycle, so it issues the next
 *   cycle's credential and supersedes this one. Past grace it is expired.
 * - late, in-review, extended, renewal-open, active: no bit. The body counts
 *   them in good standing (the public lookup does too); a verifier still sees
 *   the dates, and validUntil is the cycle's due date.
 */
export function statusBitsOf(status: CertificationStatus): {
  revoke: RevocationReason | null;
  suspend: SuspensionReason | null;
} {
  return {
    revoke: status === 'withdrawn' ? 'withdrawn' : status === 'expired' ? 'expired' : null,
    suspend: status === 'suspended' ? 'suspended' : status === 'lapsed' ? 'lapsed' : null,
  };
}

export interface SyncOptions {
  /** The caller's transaction: the credentials change with the certification, or not at all. */
  tx: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  /** Which certifications: these, or every one these people hold (after adding or changing their records). */
  certificationIds?: readonly string[];
  personIds?: readonly string[];
  /** The body's today (or the date judged by the tick): a PlainDate or YYYY-MM-DD. */
  on: Temporal.PlainDate | string;
  /** The user who caused the change; absent or null for the scheduler. */
  actor?: string | null;
  now?: Date;
}

/**
 * The credentials context's one entry point: after any use case changes a
 * certification (award, renewal, extension, return, standing, merge), it calls
 * this in its own transaction. For each certification it reads the current
 * state and brings its credentials in step: issues the first one, re-issues
 * for a new cycle or a moved due date (the earlier one is superseded: revoked,
 * never deleted), issues anew after a revocation that no longer holds, and sets or
 * clears the status bits. (A merge moves credentials with their
 * certification: merge-renewal-records.) Idempotent: a second call changes nothing. A run for
 * a date earlier than one already judged judges the later date.
 */
export async function syncCredentials(options: SyncOptions): Promise<SyncResult> {
  const { tx, registry, bodyId } = options;
  const actorUserId = options.actor ?? null;
  const now = options.now ?? new Date();
  const on = String(options.on);
  const [column, ids] = options.certificationIds
    ? [certifications.id, options.certificationIds]
    : [certifications.personId, options.personIds ?? []];
  if (ids.length === 0) return { issued: [], changed: [] };
  const scope = inArray(column, [...new Set(ids)]);
  const held = await tx
    .select({ certification: certifications, legalName: people.legalName, number: people.number })
    .from(certifications)
    .innerJoin(people, and(eq(people.bodyId, certifications.bodyId), eq(people.id, certifications.personId)))
    .where(and(eq(certifications.bodyId, bodyId), scope));
  if (held.length === 0) return { issued: [], changed: [] };
  const current = await currentCredentials(
    tx,
    bodyId,
    held.map((h) => h.certification.id),
  );

  const fresh: FreshCredential[] = [];
  const updates: CredentialUpdate[] = [];

  for (const { certification: c, legalName, number } of held) {
    const policy = registry.get(c.programId);
    if (!policy || c.awarded > on) continue;
    const mine = current.get(c.id) ?? null;
    const judgedOn = mine && mine.judgedOn > on ? mine.judgedOn : on;
    const cycle = currentCycle(policy.cycle, requireDate(c.awarded), c.renewedThrough ? requireDate(c.renewedThrough) : null);
    const deadlines = deadlinesFor(policy, cycle.end);
    const status = statusOn(deadlines.days, requireDate(judgedOn), cycleStateOf({ program: c.programId, ...c }));
    const bits = statusBitsOf(status);
    const cycleStart = formatDate(cycle.start);
    const validUntil = c.extendedTo ?? deadlines.dates.due;

    const sameFacts = mine !== null && mine.cycleStart === cycleStart && mine.validUntil === validUntil;
    const needsNew = !bits.revoke && (!sameFacts || mine!.revoked);
    if (needsNew) {
      const reason = !mine
        ? 'award'
        : mine.cycleStart !== cycleStart
          ? 'renewal'
          : mine.validUntil !== validUntil
            ? 'extension'
            : 'restored';
      // A renewal approved before its cycle starts is valid from the approval: the earlier credential is superseded now.
      const earliest = cycleStart < on ? cycleStart : on;
      const validFrom = mine && mine.cycleStart === cycleStart ? mine.validFrom : earliest < c.awarded ? c.awarded : earliest;
      fresh.push({
        bodyId,
        certificationId: c.id,
        personId: c.personId,
        programId: c.programId,
        holderName: legalName,
        certificateNumber: number,
        awarded: c.awarded,
        cycleStart,
        validFrom,
        validUntil,
        issuedAt: now,
        issuedBy: actorUserId,
        issueReason: reason,
        revoked: false,
        suspended: bits.suspend !== null,
        suspensionReason: bits.suspend,
        judgedOn,
        replaces: mine,
      });
      continue;
    }
    if (!mine) continue;
    const set: Partial<CredentialRow> = {};
    let action: string | null = null;
    if (mine.judgedOn !== judgedOn) set.judgedOn = judgedOn;
    if (bits.revoke && !mine.revoked) {
      Object.assign(set, revocation(bits.revoke, now));
      action = 'credential.revoked';
    } else if (!mine.revoked && (bits.suspend !== null) !== mine.suspended) {
      Object.assign(set, { suspended: bits.suspend !== null, suspensionReason: bits.suspend });
      action = bits.suspend ? 'credential.suspended' : 'credential.suspension-lifted';
    } else if (!mine.revoked && bits.suspend && bits.suspend !== mine.suspensionReason) {
      set.suspensionReason = bits.suspend;
    }
    if (Object.keys(set).length > 0) updates.push({ row: mine, set, action });
  }

  return writeCredentialChanges({ tx, bodyId, fresh, updates, actorUserId, now });
}

/**
 * The tick's step: every certification of a body brought in step on `asOf`
 * (lapse past grace and expiry happen by date), a page at a time, each page
 * in its own transaction. Idempotent for any date. Returns how many
 * credentials were issued and how many changed a bit.
 */
export async function syncBodyCredentials(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  asOf: string;
  now?: Date;
  pageSize?: number;
}): Promise<{ credentialsIssued: number; credentialsChanged: number }> {
  const { db, registry, bodyId, asOf } = options;
  const pageSize = options.pageSize ?? 2000;
  let issued = 0;
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const page: { id: string }[] = await db
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), after === null ? sql`true` : sql`${certifications.id} > ${after}`))
      .orderBy(asc(certifications.id))
      .limit(pageSize);
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const done = await db.transaction((tx) =>
      syncCredentials({
        tx,
        registry,
        bodyId,
        certificationIds: page.map((row) => row.id),
        on: asOf,
        now: options.now,
      }),
    );
    issued += done.issued.length;
    changed += done.changed.length;
    if (page.length < pageSize) break;
  }
  return { credentialsIssued: issued, credentialsChanged: changed };
}
