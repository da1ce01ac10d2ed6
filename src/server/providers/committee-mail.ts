import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { userEmails, users } from '../db/schema/accounts';
import type { Mailer, Message } from '../mail/mailer';

/** What a committee member is asked to review: an application for pre-approval or a provider's appeal. */
export type CommitteeTask =
  | { kind: 'application'; title: string; providerName: string; decisionDue: string | null }
  | { kind: 'appeal'; providerName: string; filedOn: string };

interface Member {
  name: string;
  email: string;
}

/** Each user's name and first address (the one they registered with), for the users that have one. */
async function membersOf(db: DbOrTx, userIds: string[]): Promise<Map<string, Member>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName, email: userEmails.email })
    .from(users)
    .innerJoin(userEmails, eq(userEmails.userId, users.id))
    .where(inArray(users.id, userIds))
    .orderBy(asc(userEmails.createdAt));
  const members = new Map<string, Member>();
  for (const row of rows) if (!members.has(row.id)) members.set(row.id, { name: row.name, email: row.email });
  return members;
}

export function committeeMessage(member: Member, task: CommitteeTask, bodyName: string): Message {
  const lines =
    task.kind === 'application'
      ? [
          `You were assigned to the committee reviewing "${task.title}", an application for pre-approval from ${task.providerName}.`,
          ...(task.decisionDue ? [`The decision is due by ${task.decisionDue}.`] : []),
          'Sign in to read the application and record your vote and comment.',
        ]
      : [
          `You were named to the Review and Appeals Committee for the appeal ${task.providerName} filed on ${task.filedOn} against the termination of its approvals.`,
          'Sign in to read the grounds and record your vote; the majority of the committee decides, and the decision is final.',
        ];
  const subject = task.kind === 'application' ? `review "${task.title}"` : `decide the appeal of ${task.providerName}`;
  return {
    to: member.email,
    subject: `${bodyName}: please ${subject}`,
    text: [`${member.name},`, '', ...lines, '', bodyName].join('\n'),
  };
}

/**
 * Tells newly assigned committee members what they are asked to review.
 * Called after the assignment commits, so a refused assignment mails no one.
 */
export async function mailCommitteeMembers(
  db: DbOrTx,
  mailer: Mailer,
  options: { userIds: string[]; task: CommitteeTask; bodyName: string },
): Promise<void> {
  const members = await membersOf(db, options.userIds);
  for (const member of members.values()) await mailer.send(committeeMessage(member, options.task, options.bodyName));
}
