import { Button, Group, List, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import {
  applicationQuery,
  assignReviewers,
  decideApplication,
  invalidateApplication,
  removeReviewer,
  voteOnApplication,
  type ApplicationView,
  type Vote,
} from '../api/applications';
import { staffQuery, type StaffMember } from '../api/providers';
import { ApplicationContent } from '../components/application-content';
import { ApplicationHeader } from '../components/application-status';
import { AnchorLink } from '../components/links';
import { isApiError } from '../api/client';
import { BallotForm } from '../components/ballot-form';
import { RemoveMemberButton } from '../components/committee-member-actions';
import { CategoryCheckboxes, HoursInput } from '../components/credit-fields';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { SectionCard } from '../components/section-card';
import { useStatus } from '../components/status';
import { StaffPickerForm } from '../components/staff-picker-form';
import { capitalize, formatDateTime } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { categoriesOf } from '../providers/application-form';
import {
  checkDecision,
  decisionErrors,
  OUTCOME_LABELS,
  OUTCOME_TEXT,
  OUTCOMES,
  VOTE_LABELS,
  type DecisionErrors,
  type DecisionValues,
  type Outcome,
} from '../providers/decision-form';
import { isStaffIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/providers/$providerId/applications/$applicationId');

const VOTES: readonly Vote[] = ['approve', 'approve-with-changes', 'more-information', 'reject'];
/** The coordinator adds committee members from the body's reviewers and admins. */
function AssignForm(props: {
  bodyId: string;
  application: ApplicationView;
  staff: readonly StaffMember[];
  onDone: (text: string) => void;
}) {
  const { bodyId, application, staff } = props;
  const queryClient = useQueryClient();
  const assigned = new Set(application.reviews.map((review) => review.userId));
  const free = staff.filter((member) => !assigned.has(member.userId));
  if (free.length === 0) return <Text size="sm">Every reviewer and administrator is on the committee.</Text>;
  return (
    <StaffPickerForm
      id="assign-members"
      name="Assign committee members"
      label="Assign committee members"
      description="The body's reviewers and administrators; each records a vote and a comment."
      members={free}
      problemOf={(chosen) => (chosen.length === 0 ? 'Choose at least one member' : null)}
      problemTitle="Nobody was assigned"
      submitLabel="Assign"
      onSubmit={async (chosen) => {
        await assignReviewers(bodyId, application.providerId, application.id, chosen);
        // The answer is the application as it was: read it again for the committee.
        await queryClient.invalidateQueries({ queryKey: ['application', bodyId, application.providerId, application.id] });
        await queryClient.invalidateQueries({ queryKey: ['application-queue', bodyId] });
        const names = staff.filter((member) => chosen.includes(member.userId)).map((member) => member.displayName);
        props.onDone(`Assigned to the committee: ${names.join(', ')}.`);
      }}
    />
  );
}

/** A committee member records (or changes) their vote, with a comment. */
function VoteForm(props: {
  bodyId: string;
  application: ApplicationView;
  mine: ApplicationView['reviews'][number];
  onDone: (text: string) => void;
}) {
  const { bodyId, application, mine } = props;
  const queryClient = useQueryClient();
  return (
    <BallotForm
      id="vote"
      label={mine.vote ? 'Your vote (you may change it until the decision)' : 'Your vote'}
      choices={VOTES.map((value) => ({ value, label: VOTE_LABELS[value] }))}
      inline
      initial={{ vote: mine.vote ?? null, comment: mine.comment ?? '' }}
      commentDescription="Why: the coordinator reads it before deciding"
      commentMissing="Write a comment: the coordinator reads it"
      onVote={async (ballot) => {
        const updated = await voteOnApplication(bodyId, application.providerId, application.id, ballot);
        await invalidateApplication(queryClient, bodyId, updated);
        await queryClient.invalidateQueries({ queryKey: ['application', bodyId, application.providerId, application.id] });
        props.onDone(`Your vote (${VOTE_LABELS[ballot.vote].toLowerCase()}) was recorded.`);
      }}
    />
  );
}

/** The coordinator's decision: approve (hours, categories), approve with changes, ask for more information, or reject. */
function DecisionForm(props: { bodyId: string; application: ApplicationView; onDone: (text: string) => void }) {
  const { bodyId, application } = props;
  const queryClient = useQueryClient();
  const categories = useMemo(() => categoriesOf(bodyId), [bodyId]);
  const [values, setValues] = useState<DecisionValues>({
    outcome: '',
    hours: application.content.hours ?? '',
    categories: application.content.categories ?? [],
    text: '',
  });
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  function set<K extends keyof DecisionValues>(field: K, value: DecisionValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function focus(found: DecisionErrors) {
    if (found.outcome) document.getElementById('decision-outcome')?.querySelector('input')?.focus();
    else if (found.hours) document.getElementById('decision-hours')?.focus();
    else if (found.categories) document.getElementById('decision-categories')?.querySelector('input')?.focus();
    else if (found.text) document.getElementById('decision-text')?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = checkDecision(values);
    if (!checked.body) {
      setErrors(checked.errors);
      focus(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const decided = await decideApplication(bodyId, application.providerId, application.id, checked.body);
      await invalidateApplication(queryClient, bodyId, decided);
      props.onDone(
        decided.offering
          ? `Approved: approval code ${decided.offering.approvalCode}. The provider is told by e-mail; the offering is on the public CE calendar.`
          : `Decision recorded: ${OUTCOME_LABELS[checked.body.outcome].toLowerCase()}. The provider is told by e-mail.`,
      );
    } catch (failure) {
      setProblem(failure);
      if (isApiError(failure, 400)) {
        const found = decisionErrors(failure.errors);
        setErrors(found.fields);
        focus(found.fields);
      }
    } finally {
      setSaving(false);
    }
  }

  const outcome = values.outcome;
  const approves = outcome === 'approve' || outcome === 'approve-with-changes';
  const error = (field: keyof DecisionValues) => (errors[field] ? capitalize(errors[field]) : undefined);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Decision">
      <Stack gap="sm">
        {problem !== null && !Object.values(errors).some(Boolean) && (
          <ProblemAlert error={problem} title="The decision was not recorded" />
        )}
        <Radio.Group
          id="decision-outcome"
          label="Decision"
          required
          value={outcome}
          onChange={(value) => set('outcome', value as Outcome)}
          error={error('outcome')}
        >
          <Stack gap={6} mt={6}>
            {OUTCOMES.map((value) => (
              <Radio key={value} value={value} label={OUTCOME_LABELS[value]} />
            ))}
          </Stack>
        </Radio.Group>
        {approves && (
          <>
            <HoursInput
              id="decision-hours"
              label="Hours approved"
              description={`Proposed: ${application.content.hours ?? 'none'}; up to two decimals`}
              required
              value={values.hours}
              onChange={(value) => set('hours', typeof value === 'number' ? value : '')}
              error={error('hours')}
              maw={260}
            />
            {categories.length > 0 ? (
              <CategoryCheckboxes
                id="decision-categories"
                label="Categories approved"
                categories={categories}
                value={values.categories}
                onChange={(value) => set('categories', value)}
                error={error('categories')}
              />
            ) : (
              <Text size="sm" c={errors.categories ? 'red.8' : 'dimmed'}>
                {errors.categories
                  ? `Categories: ${capitalize(errors.categories)}`
                  : "This body's programs have no credit categories: none to approve."}
              </Text>
            )}
          </>
        )}
        {outcome !== '' && (
          <Textarea
            id="decision-text"
            label={OUTCOME_TEXT[outcome].label}
            description={OUTCOME_TEXT[outcome].description}
            required={OUTCOME_TEXT[outcome].required}
            autosize
            minRows={3}
            maxLength={4000}
            value={values.text}
            onChange={(event) => set('text', event.currentTarget.value)}
            error={error('text')}
          />
        )}
        <Group>
          <Button type="submit" loading={saving} color={outcome === 'reject' ? 'red' : undefined}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Staff: one application, its documents, the committee and its votes, and the coordinator's decision. */
export function StaffApplicationPage() {
  const { bodyId, providerId, applicationId } = route.useParams();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const application = useQuery({ ...applicationQuery(bodyId, providerId, applicationId), enabled: staff });
  const staffList = useQuery({ ...staffQuery(bodyId), enabled: staff });
  const status = useStatus();
  const done = status.show;
  const queryClient = useQueryClient();

  if (!staff) return <StaffOnly title="Application" />;

  const view = application.data;
  const mine = view?.reviews.find((review) => review.userId === me.user.id);
  const underReview = view?.status === 'submitted';

  return (
    <Stack gap="lg">
      <AnchorLink to="/bodies/$bodyId/applications" params={{ bodyId }} size="sm">
        Pre-approval queue
      </AnchorLink>
      <QueryState query={application} what="the application" height={240} />
      {view && (
        <>
          <ApplicationHeader
            application={view}
            byline={
              <>
                by{' '}
                <AnchorLink to="/bodies/$bodyId/providers/$providerId" params={{ bodyId, providerId }}>
                  {view.providerName}
                </AnchorLink>
              </>
            }
            status={status}
          />

          <SectionCard id="content" title={view.version > 0 ? `As submitted (version ${view.version})` : 'Draft (not submitted)'}>
            <ApplicationContent
              bodyId={bodyId}
              providerId={providerId}
              applicationId={view.id}
              content={view.versions.at(-1)?.content ?? view.content}
              files={view.files}
            />
          </SectionCard>

          <SectionCard id="committee" title="Committee" gap="md">
            {view.reviews.length === 0 ? (
              <Text size="sm">No committee member is assigned yet.</Text>
            ) : (
              <List size="sm" spacing={6} aria-label="Committee members and votes">
                {view.reviews.map((review) => (
                  <List.Item key={review.userId}>
                    <strong>{review.name}</strong>
                    {review.userId === me.user.id ? ' (you)' : ''}:{' '}
                    {review.vote
                      ? `${VOTE_LABELS[review.vote].toLowerCase()}${review.votedAt ? ` (${formatDateTime(review.votedAt)})` : ''}`
                      : 'not voted yet'}
                    {review.comment && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {review.comment}
                      </Text>
                    )}
                    {(underReview || view.status === 'info-requested') && !review.vote && (
                      <RemoveMemberButton
                        name={review.userId === me.user.id ? 'yourself' : review.name}
                        onRemove={async () => {
                          await removeReviewer(bodyId, providerId, view.id, review.userId);
                          await queryClient.invalidateQueries({ queryKey: ['application', bodyId, providerId, view.id] });
                          await queryClient.invalidateQueries({ queryKey: ['application-queue', bodyId] });
                          done(`${review.name} is no longer on the committee.`);
                        }}
                      />
                    )}
                  </List.Item>
                ))}
              </List>
            )}
            {staffList.error && <ProblemAlert error={staffList.error} title="The staff list could not be loaded" />}
            {(underReview || view.status === 'info-requested') && staffList.data && (
              <AssignForm bodyId={bodyId} application={view} staff={staffList.data} onDone={done} />
            )}
            {underReview && mine && (
              <VoteForm key={mine.votedAt ?? 'new'} bodyId={bodyId} application={view} mine={mine} onDone={done} />
            )}
          </SectionCard>

          {underReview && (
            <SectionCard id="decision" title="Coordinator's decision" gap="md">
              <DecisionForm bodyId={bodyId} application={view} onDone={done} />
            </SectionCard>
          )}
        </>
      )}
    </Stack>
  );
}
