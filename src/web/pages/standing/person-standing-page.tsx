import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import {
  appealStanding,
  decideStandingAppeal,
  invalidateStanding,
  standingQuery,
  type StandingDecisionView,
} from '../../api/extensions';
import { progressQuery } from '../../api/queries';
import { PageModal } from '../../components/page-modal';
import { QueryState } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { StatusAlert, useStatus } from '../../components/status';
import { formatDateTime, formatDay } from '../../format';
import { useSession } from '../../layout/session-context';
import { isAdminIn, personIdIn } from '../../session';
import { StandingDecisionButton } from './standing-decision-button';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/standing');

const ACTION_WORDS = { suspend: 'Suspended', withdraw: 'Withdrawn', restore: 'Restored' } as const;

/** One decision, its appeal and the appeal's outcome: who may act sees the button for it. */
export function StandingDecisionCard(props: {
  decision: StandingDecisionView;
  canAppeal: boolean;
  canDecideAppeal: boolean;
  onAppeal: () => void;
  onDecide: (outcome: 'upheld' | 'overturned') => void;
}) {
  const { decision } = props;
  const { appeal } = decision;
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge color={decision.action === 'restore' ? 'green' : 'red'} tt="none">
            {ACTION_WORDS[decision.action]}
          </Badge>
          <Text size="sm" fw={500}>
            {decision.program} on {formatDay(decision.decidedOn)}
          </Text>
        </Group>
        <Text size="sm">Reason: {decision.reason}</Text>
        {decision.appealBy && !appeal && <Text size="sm">May be appealed until {formatDay(decision.appealBy)}.</Text>}
        {appeal && (
          <Text size="sm">
            Appealed {formatDateTime(appeal.at)}: {appeal.text}
          </Text>
        )}
        {appeal?.outcome && (
          <Text size="sm" fw={500}>
            Appeal {appeal.outcome} {appeal.decidedAt ? formatDateTime(appeal.decidedAt) : ''}: {appeal.reason} (final)
          </Text>
        )}
        <Group gap="xs">
          {props.canAppeal && decision.appealBy && !appeal && (
            <Button size="sm" onClick={props.onAppeal}>
              Appeal this decision
            </Button>
          )}
          {props.canDecideAppeal && appeal && !appeal.outcome && (
            <>
              <Button size="sm" color="green" onClick={() => props.onDecide('overturned')}>
                Overturn
              </Button>
              <Button size="sm" variant="default" onClick={() => props.onDecide('upheld')}>
                Uphold
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

type Step =
  | { kind: 'appeal'; decision: StandingDecisionView }
  | { kind: 'decide'; decision: StandingDecisionView; outcome: 'upheld' | 'overturned' };

/** A person's standing: ethics decisions on their certifications, their appeals, and (admins) new decisions. */
export function PersonStandingPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  const admin = isAdminIn(me, bodyId) && !own;
  const queryClient = useQueryClient();
  const decisions = useQuery(standingQuery(bodyId, personId));
  const progress = useQuery({ ...progressQuery(bodyId, personId), enabled: admin });
  const status = useStatus();
  const [step, setStep] = useState<Step | null>(null);
  const act = useMutation({
    mutationFn: ({ step: s, text }: { step: Step; text: string }) =>
      s.kind === 'appeal'
        ? appealStanding(bodyId, personId, s.decision.id, text)
        : decideStandingAppeal(bodyId, personId, s.decision.id, { outcome: s.outcome, reason: text }),
    onSuccess: async (_row, { step: s }) => {
      await invalidateStanding(queryClient, bodyId);
      setStep(null);
      status.show(s.kind === 'appeal' ? 'Your appeal was sent.' : `Appeal ${s.outcome}.`);
    },
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Standing and appeals
        </Title>
        <Text size="sm" c="dimmed">
          Ethics decisions on {own ? 'your' : 'these'} certifications: each with its reason, and its appeal.
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      {admin && progress.data && (
        <StandingDecisionButton
          bodyId={bodyId}
          personId={personId}
          programs={progress.data.certifications.map((c) => ({ program: c.program, designation: c.designation }))}
          onDone={status.show}
        />
      )}
      <QueryState query={decisions} what="the decisions" />
      {decisions.data?.length === 0 && <Text>No decision on standing was ever made.</Text>}
      {decisions.data && decisions.data.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Decisions">
          {decisions.data.map((decision) => (
            <StandingDecisionCard
              key={decision.id}
              decision={decision}
              canAppeal={own}
              canDecideAppeal={admin}
              onAppeal={() => setStep({ kind: 'appeal', decision })}
              onDecide={(outcome) => setStep({ kind: 'decide', decision, outcome })}
            />
          ))}
        </Stack>
      )}
      <PageModal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step?.kind === 'appeal' ? 'Appeal' : 'Decide the appeal'}
        size="lg"
      >
        {step && (
          <ReasonForm
            id="standing-step"
            intro={
              step.kind === 'appeal'
                ? 'Say why the decision should change. You can appeal once; the decision on the appeal is final.'
                : `The appeal will be ${step.outcome}${step.outcome === 'overturned' ? ' and the certification restored' : ''}. This is final.`
            }
            label={step.kind === 'appeal' ? 'Grounds' : 'Reason'}
            description="Recorded with the decision."
            field={step.kind === 'appeal' ? 'text' : 'reason'}
            missing={step.kind === 'appeal' ? 'Say why the decision should change' : 'Give the reason'}
            maxLength={step.kind === 'appeal' ? 10000 : 4000}
            problemTitle="Not saved"
            submitLabel={step.kind === 'appeal' ? 'Send appeal' : step.outcome === 'overturned' ? 'Overturn' : 'Uphold'}
            onSubmit={(text) => act.mutateAsync({ step, text })}
            onCancel={() => setStep(null)}
          />
        )}
      </PageModal>
    </Stack>
  );
}
