import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  invalidateProvider,
  nameAppealCommittee,
  replaceAppealMember,
  voteOnAppeal,
  type Appeal,
  type StaffMember,
} from '../api/providers';
import { formatDateTime } from '../format';
import { committeeProblem, myBallot, staffName } from '../providers/notices';
import { AnchorLink } from './links';
import { AppealStatus } from './appeal-status';
import { BallotForm } from './ballot-form';
import { ReplaceMemberForm } from './committee-member-actions';
import { StaffPickerForm } from './staff-picker-form';

/** An admin names the Review and Appeals Committee: an odd number of the body's reviewers and admins. */
function CommitteeForm(props: { bodyId: string; appeal: Appeal; staff: readonly StaffMember[]; onDone: (text: string) => void }) {
  const { bodyId, appeal, staff } = props;
  const queryClient = useQueryClient();
  return (
    <StaffPickerForm
      id={`committee-${appeal.id}`}
      name="Name the committee"
      label="Review and Appeals Committee"
      description="Choose an odd number of the body's reviewers and administrators, so the majority is never tied. Once named, only a member who has not voted can be replaced."
      members={staff}
      problemOf={committeeProblem}
      problemTitle="The committee was not named"
      submitLabel="Name the committee"
      counted
      onSubmit={async (chosen) => {
        await nameAppealCommittee(bodyId, appeal.id, chosen);
        await invalidateProvider(queryClient, bodyId, appeal.providerId);
        props.onDone(`The committee was named: ${chosen.map((id) => staffName(staff, id)).join(', ')}.`);
      }}
    />
  );
}

const APPEAL_CHOICES = [
  { value: 'uphold', label: 'Uphold the termination' },
  { value: 'overturn', label: 'Overturn the termination (the provider is reinstated, its offerings restored)' },
] as const;

/** A committee member's vote, with an optional comment kept with it. */
function VoteForm(props: { bodyId: string; appeal: Appeal; onDone: (text: string) => void }) {
  const { bodyId, appeal } = props;
  const queryClient = useQueryClient();
  return (
    <BallotForm
      id={`vote-${appeal.id}`}
      label="Your vote"
      description="You sit on this appeal's committee. The majority decides, and the decision is final."
      choices={APPEAL_CHOICES}
      commentDescription="Optional; kept with your vote for the body's records"
      onVote={async ({ vote, comment }) => {
        const updated = await voteOnAppeal(bodyId, appeal.id, { vote, comment: comment === '' ? null : comment });
        await invalidateProvider(queryClient, bodyId, appeal.providerId);
        props.onDone(
          updated.status === 'open'
            ? `Your vote to ${vote} was recorded; the committee has not reached a majority yet.`
            : `Your vote to ${vote} was recorded. The committee decided: the termination was ${updated.status}. The decision is final.`,
        );
      }}
    />
  );
}

/** One appeal for staff: its state, the committee with each member's vote, and what this member of staff may do. */
export function AppealCard(props: {
  bodyId: string;
  appeal: Appeal;
  staff: readonly StaffMember[] | undefined;
  userId: string;
  admin: boolean;
  /** The provider's name and a link to it, on the body's list of appeals. */
  provider?: { id: string; name: string };
  onDone: (text: string) => void;
}) {
  const { bodyId, appeal, staff, userId, admin, provider } = props;
  const ballot = myBallot(appeal, userId);
  const queryClient = useQueryClient();
  const candidates = staff?.filter((member) => !appeal.votes.some((vote) => vote.memberUserId === member.userId)) ?? [];
  const headingId = `appeal-${appeal.id}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {provider ? (
            <>
              Appeal of{' '}
              <AnchorLink to="/bodies/$bodyId/providers/$providerId" params={{ bodyId, providerId: provider.id }}>
                {provider.name}
              </AnchorLink>
            </>
          ) : (
            `Appeal filed ${formatDateTime(appeal.filedAt)}`
          )}
        </Title>
        <AppealStatus appeal={appeal} />
        {appeal.votes.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Committee
            </Text>
            <List size="sm" spacing={2}>
              {appeal.votes.map((member) => (
                <List.Item key={member.memberUserId ?? ''}>
                  {staffName(staff, member.memberUserId)}
                  {member.memberUserId === userId ? ' (you)' : ''}:{' '}
                  {member.vote === null
                    ? 'not voted yet'
                    : `voted to ${member.vote}${member.votedAt ? ` on ${formatDateTime(member.votedAt)}` : ''}`}
                  {admin && appeal.status === 'open' && member.vote === null && member.memberUserId && (
                    <ReplaceMemberForm
                      id={`replace-${appeal.id}-${member.memberUserId}`}
                      name={staffName(staff, member.memberUserId)}
                      candidates={candidates}
                      onReplace={async (replacement) => {
                        await replaceAppealMember(bodyId, appeal.id, member.memberUserId!, replacement);
                        await invalidateProvider(queryClient, bodyId, appeal.providerId);
                        props.onDone(
                          `${staffName(staff, replacement)} replaces ${staffName(staff, member.memberUserId)} on the committee.`,
                        );
                      }}
                    />
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {appeal.status === 'open' && appeal.votes.length === 0 && admin && staff && (
          <CommitteeForm bodyId={bodyId} appeal={appeal} staff={staff} onDone={props.onDone} />
        )}
        {appeal.status === 'open' && appeal.votes.length === 0 && !admin && (
          <Text size="sm" c="dimmed">
            An administrator names the committee.
          </Text>
        )}
        {appeal.status === 'open' && ballot === 'to-vote' && <VoteForm bodyId={bodyId} appeal={appeal} onDone={props.onDone} />}
      </Stack>
    </Card>
  );
}

/** Appeals as a list of cards; on the body's list, each names its provider (`providerName`). */
export function AppealList(props: {
  bodyId: string;
  appeals: readonly Appeal[];
  staff: readonly StaffMember[] | undefined;
  userId: string;
  admin: boolean;
  providerName?: (providerId: string) => string;
  onDone: (text: string) => void;
}) {
  const { appeals, providerName, ...shared } = props;
  if (appeals.length === 0) return null;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Appeals">
      {appeals.map((appeal) => (
        <AppealCard
          key={appeal.id}
          appeal={appeal}
          provider={providerName ? { id: appeal.providerId, name: providerName(appeal.providerId) } : undefined}
          {...shared}
        />
      ))}
    </Stack>
  );
}
