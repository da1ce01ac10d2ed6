import type { DbOrTx } from '../db/database';
import {
  applications,
  applicationVersions,
  offerings,
  providers,
  type ProviderKind,
  type ProviderStatus,
} from '../db/schema/providers';
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

/** A complete application's content for an offering, as a provider would submit it. */
export function applicationContent(spec: {
  title: string;
  type: string;
  dates: string[];
  hours: number;
  categories?: string[];
  virtual?: boolean;
  recurring?: boolean;
}) {
  return {
    title: spec.title,
    description: `About ${spec.title}`,
    kind: spec.type,
    sponsor: 'The provider',
    instructors: [{ name: 'Instructor One', qualifications: 'Twenty years of practice and teaching.' }],
    syllabus: `Sessions of ${spec.title}, with readings and field exercises.`,
    objectives: ['Apply what is taught in practice'],
    dates: spec.dates,
    recurringApproval: spec.recurring ?? false,
    virtual: spec.virtual ?? false,
    registrationContact: 'registrar@example.org',
    hours: spec.hours,
    categories: spec.categories ?? [],
  };
}

export interface ApplicationSpec {
  bodyId: string;
  providerId: string;
  createdBy: string;
  status: 'draft' | 'submitted' | 'info-requested' | 'rejected';
  title?: string;
  type?: string;
  dates: string[];
  hours: number;
  /** When it was first submitted (not for drafts). */
  submittedAt?: Date;
  decisionDue?: string;
  /** The coordinator's questions (info-requested) or reasons (rejected). */
  decisionText?: string;
}

/** An application as the workflow leaves it in each state before approval, with its submitted version. */
export async function buildApplication(db: DbOrTx, spec: ApplicationSpec) {
  const n = next();
  const content = applicationContent({
    title: spec.title ?? `Application ${n}`,
    type: spec.type ?? 'course',
    dates: spec.dates,
    hours: spec.hours,
  });
  const submitted = spec.status !== 'draft';
  const at = spec.submittedAt ?? new Date();
  const decision =
    spec.status === 'info-requested'
      ? {
          outcome: 'more-information',
          questions: spec.decisionText ?? 'Please send the syllabus.',
          at: at.toISOString(),
          by: spec.createdBy,
        }
      : spec.status === 'rejected'
        ? {
            outcome: 'reject',
            reasons: spec.decisionText ?? 'Not continuing education.',
            at: at.toISOString(),
            by: spec.createdBy,
          }
        : null;
  const [application] = await db
    .insert(applications)
    .values({
      bodyId: spec.bodyId,
      providerId: spec.providerId,
      status: spec.status,
      content,
      version: submitted ? 1 : 0,
      firstSubmittedAt: submitted ? at : null,
      decisionDue: submitted ? (spec.decisionDue ?? null) : null,
      pausedAt: spec.status === 'info-requested' ? at : null,
      decidedAt: spec.status === 'rejected' ? at : null,
      decision,
      createdBy: spec.createdBy,
    })
    .returning();
  if (submitted)
    await db.insert(applicationVersions).values({
      bodyId: spec.bodyId,
      applicationId: application!.id,
      version: 1,
      content,
      submittedBy: spec.createdBy,
      submittedAt: at,
    });
  return application!;
}

/** An approved offering with the (approved) application behind it, as a decision would leave them. */
export async function buildOffering(db: DbOrTx, spec: OfferingSpec) {
  const n = next();
  const title = spec.title ?? `Offering ${n}`;
  const type = spec.type ?? 'course';
  const content = applicationContent({ ...spec, title, type });
  const [application] = await db
    .insert(applications)
    .values({
      bodyId: spec.bodyId,
      providerId: spec.providerId,
      status: 'approved',
      content,
      version: 1,
      createdBy: spec.createdBy,
      decision: {
        outcome: 'approve',
        hours: spec.hours,
        categories: spec.categories ?? [],
        at: new Date().toISOString(),
        by: spec.createdBy,
      },
    })
    .returning();
  await db
    .insert(applicationVersions)
    .values({ bodyId: spec.bodyId, applicationId: application!.id, version: 1, content, submittedBy: spec.createdBy });
  const [offering] = await db
    .insert(offerings)
    .values({
      bodyId: spec.bodyId,
      applicationId: application!.id,
      providerId: spec.providerId,
      title,
      description: content.description,
      type,
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
