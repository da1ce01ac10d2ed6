import { and, eq } from 'drizzle-orm';
import { dateAt } from '../../../core/dates/today';
import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { providers, type ApplicationStatus } from '../../db/schema/providers';
import type { Mailer } from '../../mail/mailer';
import type { DecisionBody, StoredDecision } from './application-schemas';
import { categoryIssues } from './check-content';
import type { ApplicationContent } from './content-schema';
import { issueOffering } from './issue-offering';
import { bodyOf, loadApplication, requireStatus, type ApplicationRow, type ApplicationStep } from './load-application';
import { applicationMessage } from './notify-provider';
import { saveApplication } from './save-application';

const RESULT: Record<DecisionBody['outcome'], { status: ApplicationStatus; action: string }> = {
  approve: { status: 'approved', action: 'application.approved' },
  'approve-with-changes': { status: 'approved', action: 'application.approved-with-changes' },
  // Not a decision yet: the clock stops until the provider answers and submits again.
  'more-information': { status: 'info-requested', action: 'application.info-requested' },
  reject: { status: 'rejected', action: 'application.rejected' },
};

/**
 * The coordinator's decision on a submitted application: approve (issuing
 * the offering and its approval code), approve with changes, ask for more
 * information (pausing the clock), or reject with reasons. The provider is
 * told by e-mail.
 */
export async function decideApplication(
  options: ApplicationStep & {
    registry: PolicyRegistry;
    mailer: Mailer;
    decision: DecisionBody;
  },
): Promise<ApplicationRow> {
  const { db, registry, mailer, bodyId, providerId, applicationId, decision, actorUserId, now } = options;
  const body = bodyOf(registry, bodyId);
  const approves = decision.outcome === 'approve' || decision.outcome === 'approve-with-changes';
  if (approves) {
    const issues = categoryIssues(registry, bodyId, decision.categories, 'body.categories');
    if (issues.length > 0) throw new RecertError('invalid-input', 'the decision is invalid', issues);
  }
  const stored: StoredDecision = { ...decision, at: now.toISOString(), by: actorUserId };
  const { status, action } = RESULT[decision.outcome];
  const result = await db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, ['submitted'], 'be decided');
    const offering = approves
      ? await issueOffering(tx, {
          body,
          application: before,
          hours: decision.hours,
          categories: decision.categories,
          today: dateAt(body.timeZone, now),
          now,
        })
      : null;
    const final = status !== 'info-requested';
    const row = await saveApplication(
      tx,
      before,
      { status, decision: stored, updatedAt: now, ...(final ? { decidedAt: now, decidedBy: actorUserId } : { pausedAt: now }) },
      {
        actorUserId,
        action,
        before: { status: before.status },
        after: { status, decision: stored, approvalCode: offering?.approvalCode ?? null },
      },
    );
    const [provider] = await tx
      .select({ email: providers.email, contactName: providers.contactName })
      .from(providers)
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
    return { application: row, offering, provider: provider!, title: (before.content as ApplicationContent).title };
  });
  await mailer.send(
    applicationMessage(
      { event: 'decided', decision: stored, offering: result.offering },
      { to: result.provider.email, contactName: result.provider.contactName, bodyName: body.name, title: result.title },
    ),
  );
  return result.application;
}
