import { Button, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { decideStanding, invalidateStanding, type StandingAction } from '../../api/extensions';
import { CancelOrConfirm } from '../../components/form-actions';
import { PageModal } from '../../components/page-modal';
import { ProblemAlert } from '../../components/problem-alert';
import { fieldIssue } from '../../forms';

const ACTIONS: { value: StandingAction; label: string }[] = [
  { value: 'suspend', label: 'Suspend' },
  { value: 'withdraw', label: 'Withdraw' },
  { value: 'restore', label: 'Restore' },
];

/** An admin's ethics decision on one of a person's certifications: a button that opens the form in a dialog. */
export function StandingDecisionButton(props: {
  bodyId: string;
  personId: string;
  programs: { program: string; designation: string }[];
  onDone?: (message: string) => void;
}) {
  const { bodyId, personId, programs } = props;
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [program, setProgram] = useState(programs[0]?.program ?? '');
  const [action, setAction] = useState<StandingAction>('suspend');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => decideStanding(bodyId, personId, { program, action, reason: reason.trim() }),
    onSuccess: async (decision) => {
      await invalidateStanding(queryClient, bodyId);
      setOpened(false);
      setReason('');
      props.onDone?.(`Decision recorded${decision.appealBy ? `; the person may appeal until ${decision.appealBy}` : ''}.`);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate();
  }
  if (programs.length === 0) return null;
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpened(true)}>
        Suspend, withdraw or restore
      </Button>
      <PageModal opened={opened} onClose={() => setOpened(false)} title="Decision on standing" size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {decide.error && <ProblemAlert error={decide.error} title="The decision was not recorded" />}
            <Text size="sm">
              An ethics decision: the certification shows as suspended or withdrawn at once, also in the public lookup, and the
              person is told with the date until which they may appeal.
            </Text>
            <Select
              label="Certification"
              data={programs.map((p) => ({ value: p.program, label: p.designation }))}
              value={program}
              onChange={(value) => setProgram(value ?? '')}
              allowDeselect={false}
            />
            <Select
              label="Decision"
              data={ACTIONS}
              value={action}
              onChange={(value) => setAction((value as StandingAction | null) ?? 'suspend')}
              allowDeselect={false}
            />
            <Textarea
              label="Reason"
              description="Recorded with the decision; the person reads it."
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={4000}
              autosize
              minRows={3}
              error={fieldIssue(decide.error, 'reason')}
            />
            <CancelOrConfirm onCancel={() => setOpened(false)} label="Record decision" busy={decide.isPending} color="red" />
          </Stack>
        </form>
      </PageModal>
    </>
  );
}
