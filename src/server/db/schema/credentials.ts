import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * Verifiable credentials: each body's signing keys, the credentials issued
 * for its certifications (one per cycle, never deleted) and its status lists.
 */

/**
 * A body's signing key. The private key is a JWK encrypted with AES-256-GCM
 * under the installation's credential key (RECERT_CREDENTIAL_KEY); the public
 * key stays published after rotation (retired_at set) so earlier credentials
 * still verify. At most one key per body is current (retired_at null).
 */
export const credentialKeys = pgTable(
  'credential_keys',
  {
    bodyId: text('body_id').notNull(),
    /** What the JWS header names: `<issuer id>#<RFC 7638 thumbprint>`. */
    kid: text('kid').notNull(),
    alg: text('alg').notNull(),
    publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
    /** base64url of iv (12 bytes) || ciphertext || tag (16 bytes). */
    privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.kid] }),
    uniqueIndex('credential_keys_current_unique')
      .on(t.bodyId)
      .where(sql`${t.retiredAt} is null`),
  ],
);

export const REVOCATION_REASONS = ['superseded', 'withdrawn', 'expired'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export const SUSPENSION_REASONS = ['suspended', 'lapsed'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/**
 * One credential: a certification's cycle as issued, with the holder's name
 * as printed at issue. Its facts never change after issue; its status bits
 * (revoked, suspended) follow the certification. The signed VC-JWT is made
 * from these facts once, at first use, and kept (`jwt`, `kid`).
 */
export const credentials = pgTable(
  'credentials',
  {
    bodyId: text('body_id').notNull(),
    /** The public id, in every link and in the credential itself (urn:uuid:). */
    id: uuid('id').notNull().defaultRandom(),
    certificationId: uuid('certification_id').notNull(),
    /** Follows the certification through merges and their reversal. */
    personId: uuid('person_id').notNull(),
    programId: text('program_id').notNull(),
    holderName: text('holder_name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    awarded: date('awarded', { mode: 'string' }).notNull(),
    /** The certification's cycle this credential attests (its start, as the engine computes it). */
    cycleStart: date('cycle_start', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by'),
    /** Why it was issued: award, renewal, extension, reinstatement after a withdrawal, a name change. */
    issueReason: text('issue_reason').notNull(),
    /** The status list (per body, numbered from 0) and the index in it, chosen at random. */
    statusList: integer('status_list').notNull(),
    statusIndex: integer('status_index').notNull(),
    revoked: boolean('revoked').notNull().default(false),
    revocationReason: text('revocation_reason').$type<RevocationReason>(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    suspended: boolean('suspended').notNull().default(false),
    suspensionReason: text('suspension_reason').$type<SuspensionReason>(),
    /** The credential that replaced this one (a later cycle, an extension, a re-issue). */
    supersededBy: uuid('superseded_by'),
    /** The latest date the calendar-driven bits were judged on: a run for an earlier date changes nothing. */
    judgedOn: date('judged_on', { mode: 'string' }).notNull(),
    jwt: text('jwt'),
    kid: text('kid'),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('credentials_status_index_unique').on(t.bodyId, t.statusList, t.statusIndex),
    index('credentials_certification_idx').on(t.bodyId, t.certificationId, t.issuedAt),
    index('credentials_person_idx').on(t.bodyId, t.personId),
    // The public links name the credential alone (/verify/:id): found by id across bodies.
    // Not unique by itself: a distributed engine (Citus, by body) enforces uniqueness only with body_id; the (body_id, id) key and random uuids make it unique.
    index('credentials_public_id_idx').on(t.id),
  ],
);

/**
 * A body's status lists: one row per list number, shared by its revocation
 * and its suspension list. `revision` moves in the same transaction as any
 * bit of the list, so a served list is rebuilt exactly when it changed.
 */
export const credentialStatusLists = pgTable(
  'credential_status_lists',
  {
    bodyId: text('body_id').notNull(),
    list: integer('list').notNull(),
    used: integer('used').notNull().default(0),
    revision: integer('revision').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.list] })],
);
