import type { DbOrTx } from '../db/database';
import { applications, offerings, providers, type ProviderKind, type ProviderStatus } from '../db/schema/providers';
import { buildUser } from './factories';

/** Builders for the provider program, shared by tests, benchmarks and the demo data. */

let sequence = 0;
const next = () => ++sequence;

export interface ProviderSpec {
  bodyId: string;
  name?: string;
  kind?: ProviderKind;
  status?: ProviderStatus;
  /** The provider's first user (role `provider`); omit for none. */
  userEmail?: string;
  password?: string;
}

/** A provider and, when `userEmail` is given, a user who acts for it. */
export async function buildProvider(db: DbOrTx, spec: ProviderSpec) {
  const n = next();
  const [provider] = await db
    .insert(providers)
    .values({
      bodyId: spec.bodyId,
      name: spec.name ?? `Provider ${n}`,
      kind: spec.kind ?? 'institution',
      contactName: `Contact ${n}`,
      email: spec.userEmail ?? `provider${n}@example.org`,
      status: spec.status ?? 'active',
    })
    .returning();
  const user = spec.userEmail
    ? await buildUser(db, {
        email: spec.userEmail,
        password: spec.password,
        displayName: `${provider!.name} staff`,
        roles: [{ bodyId: spec.bodyId, role: 'provider', providerId: provider!.id }],
      })
    : null;
  return { provider: provider!, user };
}

export interface OfferingSpec {
  bodyId: string;
  providerId: string;
  createdBy: string;
  title?: string;
  type?: string;
  dates: string[];
  hours: number;
  categories?: string[];
  virtual?: boolean;
  recurring?: boolean;
  approvalCode?: string;
  validFrom?: string;
  validUntil?: string;
}

/** An approved offering with the (approved) application behind it, as a decision would leave them. */
export async function buildOffering(db: DbOrTx, spec: OfferingSpec) {
  const n = next();
  const title = spec.title ?? `Offering ${n}`;
  const [application] = await db
    .insert(applications)
    .values({
      bodyId: spec.bodyId,
      providerId: spec.providerId,
      status: 'approved',
      content: { title },
      version: 1,
      createdBy: spec.createdBy,
      decision: { outcome: 'approve' },
    })
    .returning();
  const [offering] = await db
    .insert(offerings)
    .values({
      bodyId: spec.bodyId,
      applicationId: application!.id,
      providerId: spec.providerId,
      title,
      description: `About ${title}`,
      type: spec.type ?? 'course',
      virtual: spec.virtual ?? false,
      dates: spec.dates,
      hundredths: Math.round(spec.hours * 100),
      categories: spec.categories ?? [],
      registrationContact: 'registrar@example.org',
      approvalCode: spec.approvalCode ?? `${spec.bodyId.toUpperCase()}-T-${String(n).padStart(5, '0')}`,
      recurring: spec.recurring ?? false,
      validFrom: spec.validFrom ?? spec.dates[0]!,
      validUntil: spec.validUntil ?? spec.dates[spec.dates.length - 1]!,
    })
    .returning();
  return { application: application!, offering: offering! };
}
