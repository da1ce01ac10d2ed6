import { dateAt } from '../../../core/dates/today';
import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { applicationVersions } from '../../db/schema/providers';
import type { Mailer } from '../../mail/mailer';
import { checkSubmission } from './check-content';
import { firstDecisionDue, resumedDecisionDue } from './decision-clock';
import {
  bodyOf,
  EDITABLE,
  listApplicationFiles,
  loadApplication,
  loadApplyingProvider,
  requireStatus,
  type ApplicationRow,
  type ApplicationStep,
} from './load-application';
import { applicationMessage } from './notify-provider';
import { saveApplication } from './save-application';

/**
 * Submits an application: the content is checked whole and frozen as the
 * next version with the files attached now. The first submission starts the
 * decision clock and records the body's fee; a resubmission after a request
 * for more information restarts the clock, the due date later by the days
 * it was paused. The provider gets a receipt.
 */
export async function submitApplication(
  options: ApplicationStep & {
    registry: PolicyRegistry;
    mailer: Mailer;
  },
): Promise<ApplicationRow> {
  const { db, registry, mailer, bodyId, providerId, applicationId, actorUserId, now } = options;
  const body = bodyOf(registry, bodyId);
  const today = dateAt(body.timeZone, now);
  const { row, provider, title } = await db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, EDITABLE, 'be submitted');
    const provider = await loadApplyingProvider(tx, bodyId, providerId);
    const files = await listApplicationFiles(tx, bodyId, applicationId);
    const { content, issues } = checkSubmission(registry, bodyId, before.content, files);
    if (!content) throw new RecertError('invalid-input', 'the application is incomplete', issues);

    const version = before.version + 1;
    const first = before.status === 'draft';
    const decisionDue = first
      ? firstDecisionDue(today, body.providers.decisionDays)
      : resumedDecisionDue(before.decisionDue!, dateAt(body.timeZone, before.pausedAt!), today);
    await tx.insert(applicationVersions).values({
      bodyId,
      applicationId,
      version,
      content,
      fileIds: files.filter((file) => !file.removedAt).map((file) => file.id),
      submittedBy: actorUserId,
      submittedAt: now,
    });
    const row = await saveApplication(
      tx,
      before,
      {
        status: 'submitted',
        content,
        version,
        decisionDue,
        pausedAt: null,
        decision: null,
        updatedAt: now,
        ...(first ? { firstSubmittedAt: now, feeCents: body.providers.applicationFee } : {}),
      },
      {
        actorUserId,
        action: first ? 'application.submitted' : 'application.resubmitted',
        before: { status: before.status, version: before.version, decisionDue: before.decisionDue },
        after: { status: 'submitted', version, decisionDue, feeCents: first ? body.providers.applicationFee : before.feeCents },
      },
    );
    return { row, provider, title: content.title };
  });
  await mailer.send(
    applicationMessage(
      {
        event: 'received',
        version: row.version,
        decisionDue: row.decisionDue!,
        fee: { cents: row.feeCents, currency: body.providers.currency },
      },
      { to: provider.email, contactName: provider.contactName, bodyName: body.name, title },
    ),
  );
  return row;
}
