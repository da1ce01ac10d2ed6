import type { Message } from '../../mail/mailer';
import type { StoredDecision } from './application-schemas';

/** What the provider hears about its application: the receipt, a request for more information, the decision. */
export type ApplicationNotice =
  | { event: 'received'; version: number; decisionDue: string; fee: { cents: number; currency: string } }
  | {
      event: 'decided';
      decision: StoredDecision;
      offering: { approvalCode: string; validFrom: string; validUntil: string } | null;
    };

export interface NoticeContext {
  to: string;
  contactName: string;
  bodyName: string;
  title: string;
}

function money({ cents, currency }: { cents: number; currency: string }): string {
  return `${currency} ${(cents / 100).toFixed(2)}`;
}

function decisionLines(decision: StoredDecision, offering: Extract<ApplicationNotice, { event: 'decided' }>['offering']) {
  switch (decision.outcome) {
    case 'approve':
    case 'approve-with-changes':
      return {
        subject: 'approved',
        lines: [
          `It is approved for ${decision.hours} hours${decision.categories.length ? ` (${decision.categories.join(', ')})` : ''}.`,
          `Approval code: ${offering!.approvalCode}, valid from ${offering!.validFrom} to ${offering!.validUntil}.`,
          'Print the approval code on each Confirmation of Completion.',
          ...(decision.outcome === 'approve-with-changes'
            ? ['', 'The approval asks for these changes:', decision.changesRequired]
            : []),
          ...(decision.outcome === 'approve' && decision.comment ? ['', decision.comment] : []),
        ],
      };
    case 'more-information':
      return {
        subject: 'more information needed',
        lines: [
          'The committee needs more information before it decides:',
          '',
          decision.questions,
          '',
          'The review clock is paused until you change the application and submit it again.',
        ],
      };
    case 'reject':
      return { subject: 'not approved', lines: ['It is not approved, for these reasons:', '', decision.reasons] };
  }
}

export function applicationMessage(notice: ApplicationNotice, context: NoticeContext): Message {
  const { subject, lines } =
    notice.event === 'received'
      ? {
          subject: `received (version ${notice.version})`,
          lines: [
            `We received version ${notice.version} of your application for pre-approval.`,
            `You will hear the decision by ${notice.decisionDue}.`,
            ...(notice.fee.cents > 0 ? [`The application fee is ${money(notice.fee)}.`] : []),
          ],
        }
      : decisionLines(notice.decision, notice.offering);
  return {
    to: context.to,
    subject: `${context.bodyName}: "${context.title}" ${subject}`,
    text: [`${context.contactName},`, '', `About your application "${context.title}":`, '', ...lines, '', context.bodyName].join(
      '\n',
    ),
  };
}
