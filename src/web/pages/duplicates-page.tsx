import { Alert, Badge, Button, Card, Group, List, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import {
  duplicatesQuery,
  invalidateBodyPeople,
  mergePeople,
  mergesQuery,
  reverseMerge,
  type DuplicatePair,
  type MergeView,
} from '../api/queries';
import { Fact } from '../components/facts';
import { CancelOrConfirm } from '../components/form-actions';
import { AnchorLink } from '../components/links';
import { PageModal } from '../components/page-modal';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { StatusRegion } from '../components/status';
import { capitalize, formatDateTime, formatDay, formatNumber } from '../format';
import { fieldIssue } from '../forms';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { count, mergePlan, movedText, reasonText, who, type MergePlan } from '../merges/merge-plan';
import { programLabel } from '../programs';
import { bodyNameOf, isAdminIn } from '../session';

import { MergeItem, ReverseForm } from '../merges/merge-history';
const route = getRouteApi('/_app/bodies/$bodyId/duplicates');

type Side = DuplicatePair['a'];

/** One record of a pair, with the radio that makes it the one that stays. */
function SideCard({ bodyId, side, chosen }: { bodyId: string; side: Side; chosen: boolean }) {
  return (
    <Paper withBorder p="sm" bg={chosen ? 'teal.0' : undefined} style={{ minWidth: 0 }}>
      <Stack gap="xs">
        <Radio value={side.id} label={`Keep ${who(side)}`} fw={600} />
        <Stack component="dl" gap={4} m={0}>
          <Fact termWidth="6.5rem" term="Number">
            {side.number}
          </Fact>
          <Fact termWidth="6.5rem" term="Legal name">
            <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: side.id }}>
              {side.legalName}
            </AnchorLink>
          </Fact>
          <Fact termWidth="6.5rem" term="Birth date">
            {side.birthDate ? formatDay(side.birthDate) : 'not given'}
          </Fact>
          <Fact termWidth="6.5rem" term="City">
            {[side.city, side.region].filter(Boolean).join(', ') || 'not given'}
          </Fact>
          <Fact termWidth="6.5rem" term="E-mails">
            {side.emails.length > 0 ? side.emails.join(', ') : 'none'}
          </Fact>
          <Fact termWidth="6.5rem" term="Programs">
            {side.programs.length > 0
              ? side.programs.map((p) => `${programLabel(p.program)}, awarded ${formatDay(p.awarded)}`).join('; ')
              : 'none'}
          </Fact>
          <Fact termWidth="6.5rem" term="CE activities">
            {formatNumber(side.activities)}
          </Fact>
          <Fact termWidth="6.5rem" term="Created">
            {formatDateTime(side.createdAt)}
          </Fact>
        </Stack>
      </Stack>
    </Paper>
  );
}

/** What the confirmation says will happen: everything that moves, what stays apart, and that it can be undone. */
function PlanText({ plan }: { plan: MergePlan }) {
  const { survivor, merged } = plan;
  return (
    <Stack gap="xs">
      <Text size="sm">
        <strong>{who(merged)}</strong> will be merged into <strong>{who(survivor)}</strong>, which keeps its number, legal name
        and profile. What moves to {who(survivor)}:
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          {plan.moving.length === 0
            ? 'No certification.'
            : `${capitalize(count(plan.moving.length, 'certification', 'certifications'))}: ${plan.moving
                .map((p) => `${programLabel(p.program)}, awarded ${formatDay(p.awarded)}`)
                .join('; ')}.`}
        </List.Item>
        <List.Item>
          {plan.activities === 0
            ? 'No CE activity.'
            : `${capitalize(count(plan.activities, 'CE activity', 'CE activities'))}, with their evidence files.`}
        </List.Item>
        <List.Item>
          Whoever signs in to {merged.number} will sign in to {survivor.number} instead.
        </List.Item>
        <List.Item>
          {plan.newEmails.length === 0
            ? 'No new e-mail address: contact addresses are joined.'
            : `Contact addresses are joined (new to ${survivor.number}: ${plan.newEmails.join(', ')}).`}
        </List.Item>
      </List>
      {plan.keptApart.length > 0 && (
        <Text size="sm">
          Both hold {plan.keptApart.map(programLabel).join(' and ')}: each record keeps its own certification of{' '}
          {plan.keptApart.length === 1 ? 'it' : 'them'}; {merged.number}&apos;s does not move.
        </Text>
      )}
      <Text size="sm">
        {merged.number} is not deleted: it leaves the search and points to {survivor.number}. The merge can be reversed under
        &ldquo;Past merges&rdquo; on this page, which moves everything back.
      </Text>
    </Stack>
  );
}

function PairCard(props: { bodyId: string; pair: DuplicatePair; index: number; onMerged: (merge: MergeView) => Promise<void> }) {
  const { bodyId, pair, index } = props;
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ survivor?: string; reason?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const reasonId = `merge-reason-${index}`;
  const headingId = `pair-${index}`;
  // The server refused the reason: once the confirmation has closed (and given focus back), go to the field.
  const focusReasonOnClose = useRef(false);

  const merge = useMutation({
    mutationFn: (plan: MergePlan) =>
      mergePeople(bodyId, { survivorId: plan.survivor.id, mergedId: plan.merged.id, reason: reason.trim() }),
    onSuccess: async (result) => {
      setConfirming(false);
      await props.onMerged(result);
    },
    onError: (error) => {
      const message = fieldIssue(error, 'reason');
      if (message) {
        focusReasonOnClose.current = true;
        setConfirming(false);
        setErrors({ reason: message });
      }
    },
  });

  function review(event: FormEvent) {
    event.preventDefault();
    const found = {
      survivor: survivorId === null ? 'Choose the record that stays' : undefined,
      reason: reason.trim() === '' ? 'Say why these two records are one person' : undefined,
    };
    setErrors(found);
    if (found.survivor) {
      document.getElementById(`${headingId}-choice`)?.querySelector('input')?.focus();
      return;
    }
    if (found.reason) {
      document.getElementById(reasonId)?.focus();
      return;
    }
    merge.reset();
    setConfirming(true);
  }

  const plan = survivorId === null ? null : mergePlan(pair, survivorId);

  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <form onSubmit={review} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h5" id={headingId}>
              {who(pair.a)} and {who(pair.b)}
            </Title>
            <Group gap={6} mt={4}>
              {pair.reasons.map((reason) => (
                <Badge key={reasonText(reason)} variant="light" color="yellow" tt="none">
                  {reasonText(reason)}
                </Badge>
              ))}
            </Group>
          </div>
          <Radio.Group
            id={`${headingId}-choice`}
            label="Which record stays?"
            description="The one that stays keeps its number, legal name and profile; the other one's records move to it."
            value={survivorId}
            onChange={(value) => {
              setSurvivorId(value);
              setErrors((current) => ({ ...current, survivor: undefined }));
            }}
            error={errors.survivor}
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
              <SideCard bodyId={bodyId} side={pair.a} chosen={survivorId === pair.a.id} />
              <SideCard bodyId={bodyId} side={pair.b} chosen={survivorId === pair.b.id} />
            </SimpleGrid>
          </Radio.Group>
          <Textarea
            id={reasonId}
            label="Reason for the merge"
            description="Kept with the merge and in both people's audit logs."
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (errors.reason) setErrors((current) => ({ ...current, reason: undefined }));
            }}
            error={errors.reason}
          />
          {merge.error && !confirming && !fieldIssue(merge.error, 'reason') && (
            <ProblemAlert error={merge.error} title="The records were not merged" />
          )}
          <Group>
            <Button type="submit" variant="light" color="orange">
              Review the merge
            </Button>
          </Group>
        </Stack>
      </form>

      <PageModal
        opened={confirming && plan !== null}
        onClose={() => !merge.isPending && setConfirming(false)}
        onExitTransitionEnd={() => {
          if (!focusReasonOnClose.current) return;
          focusReasonOnClose.current = false;
          document.getElementById(reasonId)?.focus();
        }}
        title="Merge these two records?"
        size="lg"
      >
        {plan && (
          <Stack>
            <PlanText plan={plan} />
            <Text size="sm">
              <strong>Reason:</strong> {reason.trim()}
            </Text>
            {merge.error && <ProblemAlert error={merge.error} title="The records were not merged" />}
            <CancelOrConfirm
              label="Merge records"
              color="orange"
              busy={merge.isPending}
              onCancel={() => setConfirming(false)}
              onConfirm={() => merge.mutate(plan)}
            />
          </Stack>
        )}
      </PageModal>
    </Card>
  );
}

/** Admins find records that are likely one person, merge them, and reverse a merge made in error. */
export function DuplicatesPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const admin = isAdminIn(me, bodyId);
  const queryClient = useQueryClient();
  const duplicates = useQuery({ ...duplicatesQuery(bodyId), enabled: admin });
  const merges = useQuery({ ...mergesQuery(bodyId), enabled: admin });
  const [done, setDone] = useState<{ merge: MergeView; reversed: boolean } | null>(null);
  const [reversing, setReversing] = useState<MergeView | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const reverse = useMutation({
    mutationFn: ({ merge, reason }: { merge: MergeView; reason: string }) => reverseMerge(bodyId, merge.id, reason),
    onSuccess: async (result) => {
      await invalidateBodyPeople(queryClient, bodyId);
      setReversing(null);
      setDone({ merge: result, reversed: true });
      statusRef.current?.focus();
    },
  });

  async function merged(result: MergeView) {
    await invalidateBodyPeople(queryClient, bodyId);
    setDone({ merge: result, reversed: false });
    // The pair leaves the list: keep the keyboard user's place on the result.
    statusRef.current?.focus();
  }

  if (!admin) return <StaffOnly title="Likely duplicates" admins />;

  const pairs = duplicates.data ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Likely duplicates
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}: records that look like one person, because they have the same name and birth date or use the
          same e-mail address. Merge them so that the person has one record; a merge can be reversed.
        </Text>
        <StatusRegion regionRef={statusRef}>
          {done && (
            <Alert
              mt="md"
              color="green"
              variant="light"
              title={done.reversed ? 'Merge reversed' : 'Records merged'}
              withCloseButton
              onClose={() => setDone(null)}
              closeButtonLabel="Dismiss"
            >
              {done.reversed
                ? `${who(done.merge.merged)} and ${who(done.merge.survivor)} are separate records again: ${movedText(done.merge.moved)} went back.`
                : `${who(done.merge.merged)} was merged into ${who(done.merge.survivor)}: moved ${movedText(done.merge.moved)}.${
                    done.merge.keptApart.length > 0 ? ` Kept apart: ${done.merge.keptApart.map(programLabel).join(', ')}.` : ''
                  }`}{' '}
              <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: done.merge.survivor.id }}>
                Open {done.merge.survivor.legalName}
              </AnchorLink>
            </Alert>
          )}
        </StatusRegion>
      </div>

      <Stack gap="sm" component="section" aria-labelledby="pairs-heading">
        <Title order={2} size="h3" id="pairs-heading">
          Pairs to look at
        </Title>
        <QueryState query={duplicates} what="the likely duplicates" height={220} />
        {duplicates.data && (
          <>
            <Text fw={500}>
              {pairs.length === 0
                ? 'No likely duplicates.'
                : `${formatNumber(pairs.length)} ${pairs.length === 1 ? 'pair looks' : 'pairs look'} like one person.`}
            </Text>
            {pairs.length > 0 && (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Likely duplicate pairs">
                {pairs.map((pair, index) => (
                  <PairCard key={`${pair.a.id}/${pair.b.id}`} bodyId={bodyId} pair={pair} index={index} onMerged={merged} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="merges-heading">
        <Title order={2} size="h3" id="merges-heading">
          Past merges
        </Title>
        <QueryState query={merges} what="the past merges" height={100} />
        {merges.data &&
          (merges.data.length === 0 ? (
            <Text size="sm">No merge yet.</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Past merges, newest first">
              {merges.data.map((merge) => (
                <MergeItem
                  key={merge.id}
                  bodyId={bodyId}
                  merge={merge}
                  myId={me.user.id}
                  onReverse={() => {
                    reverse.reset();
                    setReversing(merge);
                  }}
                />
              ))}
            </Stack>
          ))}
      </Stack>

      <PageModal
        opened={reversing !== null}
        onClose={() => !reverse.isPending && setReversing(null)}
        title="Reverse this merge?"
        size="lg"
      >
        {reversing && (
          <ReverseForm
            key={reversing.id}
            merge={reversing}
            onReverse={(reason) => reverse.mutateAsync({ merge: reversing, reason })}
            onCancel={() => setReversing(null)}
          />
        )}
      </PageModal>
    </Stack>
  );
}
