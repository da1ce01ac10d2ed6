import { Button, Card, Group, List, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { invalidateProvider, nameAppealCommittee, voteOnAppeal, type Appeal, type StaffMember } from '../api/providers';
import { formatDateTime } from '../format';
import { fieldIssue } from '../forms';
import { committeeProblem, myBallot, staffName } from '../providers/notices';
import { AnchorLink } from './links';
import { AppealStatus } from './appeal-status';
import { ProblemAlert } from './problem-alert';
import { StaffCheckboxes } from './staff-checkboxes';

/** An admin names the Review and Appeals Committee: an odd number of the body's reviewers and admins. */
function CommitteeForm(props: { bodyId: string; appeal: Appeal; staff: readonly StaffMember[]; onDone: (text: string) => void }) {
  const { bodyId, appeal, staff } = props;
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const groupId = `committee-${appeal.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found = committeeProblem(chosen);
    setError(found ?? undefined);
    if (found) {
      document.getElementById(groupId)?.querySelector('input')?.focus();
      return;
    }
    setSaving(true);
    try {
      await nameAppealCommittee(bodyId, appeal.id, chosen);
      await invalidateProvider(queryClient, bodyId, appeal.providerId);
      props.onDone(`The committee was named: ${chosen.map((id) => staffName(staff, id)).join(', ')}.`);
    } catch (failure) {
      setProblem(failure);
      const message = fieldIssue(failure, 'userIds');
      if (message) setError(message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Name the committee">
      <Stack gap="sm">
        {problem !== null && !fieldIssue(problem, 'userIds') && (
          <ProblemAlert error={problem} title="The committee was not named" />
        )}
        <StaffCheckboxes
          id={groupId}
          label="Review and Appeals Committee"
          description="Choose an odd number of the body's reviewers and administrators, so the majority is never tied. Once named, the committee does not change."
          members={staff}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            if (error) setError(undefined);
          }}
          error={error}
          required
        />
        <Group>
          <Button type="submit" loading={saving} variant="light">
            Name the committee
          </Button>
          <Text size="sm" c="dimmed">
            {chosen.length} chosen
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** A committee member's vote, with an optional comment kept with it. */
function VoteForm(props: { bodyId: string; appeal: Appeal; onDone: (text: string) => void }) {
  const { bodyId, appeal } = props;
  const queryClient = useQueryClient();
  const [vote, setVote] = useState<'uphold' | 'overturn' | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ vote?: string; comment?: string }>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const voteId = `vote-${appeal.id}`;
  const commentId = `vote-comment-${appeal.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (vote === null) {
      setErrors({ vote: 'Choose how you vote' });
      document.getElementById(voteId)?.querySelector('input')?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const updated = await voteOnAppeal(bodyId, appeal.id, { vote, comment: comment.trim() === '' ? null : comment.trim() });
      await invalidateProvider(queryClient, bodyId, appeal.providerId);
      props.onDone(
        updated.status === 'open'
          ? `Your vote to ${vote} was recorded; the committee has not reached a majority yet.`
          : `Your vote to ${vote} was recorded. The committee decided: the termination was ${updated.status}. The decision is final.`,
      );
    } catch (failure) {
      setProblem(failure);
      const found = { vote: fieldIssue(failure, 'vote'), comment: fieldIssue(failure, 'comment') };
      setErrors(found);
      if (found.comment) document.getElementById(commentId)?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Your vote">
      <Stack gap="sm">
        {problem !== null && !fieldIssue(problem, 'vote') && !fieldIssue(problem, 'comment') && (
          <ProblemAlert error={problem} title="The vote was not recorded" />
        )}
        <Radio.Group
          id={voteId}
          label="Your vote"
          description="You sit on this appeal's committee. The majority decides, and the decision is final."
          value={vote}
          onChange={(value) => {
            setVote(value as 'uphold' | 'overturn');
            setErrors((current) => ({ ...current, vote: undefined }));
          }}
          error={errors.vote}
          required
        >
          <Stack gap={6} mt="xs">
            <Radio value="uphold" label="Uphold the termination" />
            <Radio value="overturn" label="Overturn the termination (the provider is reinstated, its offerings restored)" />
          </Stack>
        </Radio.Group>
        <Textarea
          id={commentId}
          label="Comment"
          description="Optional; kept with your vote for the body's records"
          autosize
          minRows={2}
          maxLength={4000}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            if (errors.comment) setErrors((current) => ({ ...current, comment: undefined }));
          }}
          error={errors.comment}
        />
        <Group>
          <Button type="submit" loading={saving}>
            Record vote
          </Button>
        </Group>
      </Stack>
    </form>
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
