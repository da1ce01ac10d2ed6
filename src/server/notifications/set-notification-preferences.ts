import { and, eq, sql } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { notificationPreferences } from '../db/schema/renewals';
import type { PreferencesUpdate, PreferencesView } from './notification-schemas';
import { getNotificationPreferences, mandatoryReason } from './get-notification-preferences';
import { mandatoryKinds } from './send-notice-emails';

/**
 * Sets which kinds of notice the person is e-mailed (the inbox keeps them
 * all). A mandatory kind cannot be turned off: the refusal names it. Kinds
 * not mentioned keep their setting. Audited with before and after.
 */
export async function setNotificationPreferences(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  update: PreferencesUpdate;
  actorUserId: string;
  now: Date;
}): Promise<PreferencesView> {
  const { db, registry, bodyId, personId, update } = options;
  const mandatory = mandatoryKinds(registry, bodyId);
  const issues = update.preferences.flatMap((p, index) =>
    !p.enabled && mandatory.has(p.kind)
      ? [
          {
            path: `body.preferences[${index}].enabled`,
            message: `"${p.kind}" notices cannot be turned off: ${mandatoryReason(registry, bodyId)}`,
          },
        ]
      : [],
  );
  if (issues.length > 0) throw new RecertError('invalid-input', 'mandatory notices cannot be turned off', issues);
  const kinds = update.preferences.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length)
    throw new RecertError('invalid-input', 'a kind given twice', [
      { path: 'body.preferences', message: 'names a kind more than once' },
    ]);

  return db.transaction(async (tx) => {
    const before = await getNotificationPreferences({ db: tx, registry, bodyId, personId });
    await tx
      .insert(notificationPreferences)
      .values(update.preferences.map((p) => ({ bodyId, personId, kind: p.kind, enabled: p.enabled, updatedAt: options.now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.bodyId, notificationPreferences.personId, notificationPreferences.kind],
        set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
        where: and(
          eq(notificationPreferences.bodyId, bodyId),
          sql`${notificationPreferences.enabled} is distinct from excluded.enabled`,
        ),
      });
    const after = await getNotificationPreferences({ db: tx, registry, bodyId, personId });
    const off = (view: PreferencesView) => view.preferences.filter((p) => !p.enabled).map((p) => p.kind);
    await recordAudit(tx, {
      bodyId,
      actorUserId: options.actorUserId,
      entity: 'person',
      entityId: personId,
      personId,
      action: 'person.notification-preferences-changed',
      before: { turnedOff: off(before) },
      after: { turnedOff: off(after) },
    });
    return after;
  });
}
