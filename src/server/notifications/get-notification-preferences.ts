import { and, eq } from 'drizzle-orm';
import { NOTICE_KIND_LABELS } from '../../core/notifications/notice-kinds';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import { NOTICE_KINDS } from '../../core/policies/policy-schema';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { notificationPreferences } from '../db/schema/renewals';
import type { PreferencesView } from './notification-schemas';
import { mandatoryKinds } from './send-notice-emails';

/** Every kind of notice, whether the person receives it by e-mail, and whether the body makes it mandatory. */
export async function getNotificationPreferences(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
}): Promise<PreferencesView> {
  const { db, registry, bodyId, personId } = options;
  const rows = await db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.bodyId, bodyId), eq(notificationPreferences.personId, personId)));
  const chosen = new Map(rows.map((row) => [row.kind, row.enabled]));
  const mandatory = mandatoryKinds(registry, bodyId);
  return {
    preferences: NOTICE_KINDS.map((kind) => ({
      kind,
      label: NOTICE_KIND_LABELS[kind],
      enabled: mandatory.has(kind) || (chosen.get(kind) ?? true),
      mandatory: mandatory.has(kind),
    })),
    mandatoryReason: mandatoryReason(registry, bodyId),
    courtesy: COURTESY_NOTE,
  };
}

export function mandatoryReason(registry: PolicyRegistry, bodyId: string): string {
  return `${registry.body(bodyId)?.name ?? bodyId} sends this notice to every certificant.`;
}
