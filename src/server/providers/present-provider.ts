import type { ProviderView } from './provider-schemas';
import type { ProviderRow } from './register-provider';

export function presentProvider(row: ProviderRow): ProviderView {
  return {
    id: row.id,
    bodyId: row.bodyId,
    name: row.name,
    kind: row.kind,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    website: row.website,
    city: row.city,
    region: row.region,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
