import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StaffMember } from '../api/providers';
import { CancelOrConfirm } from './form-actions';
import { ProblemAlert } from './problem-alert';

/**
 * Takes a committee member who has not voted off an application, after a confirmation. A member
 * who voted stays (the server refuses too): their vote is part of the record.
 */
export function RemoveMemberButton(props: { name: string; onRemove: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      await props.onRemove();
      setConfirming(false);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  if (!confirming)
    return (
      <Button variant="subtle" size="compact-sm" color="red" onClick={() => setConfirming(true)}>
        Take {props.name} off the committee
      </Button>
    );
  return (
    <Stack gap="xs" mt={4}>
      <Text size="sm">Take {props.name} off the committee? They have not voted; they can be assigned again later.</Text>
      {problem !== null && <ProblemAlert error={problem} title={`${props.name} is still on the committee`} />}
      <CancelOrConfirm label="Take off" color="red" busy={busy} onCancel={() => setConfirming(false)} onConfirm={remove} />
    </Stack>
  );
}

/**
 * An admin puts another of the body's reviewers or admins in the place of an appeal's committee
 * member who has not voted, so the committee stays odd.
 */
export function ReplaceMemberForm(props: {
  id: string;
  name: string;
  /** The staff not on the committee. */
  candidates: readonly StaffMember[];
  onReplace: (userId: string) => Promise<void>;
}) {
  const { id, candidates } = props;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === '') return;
    setBusy(true);
    setProblem(null);
    try {
      await props.onReplace(chosen);
      setOpen(false);
      setChosen('');
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  if (candidates.length === 0) return null;
  if (!open)
    return (
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
          Replace {props.name}
        </Button>
      </Group>
    );
  return (
    <Stack component="form" gap="xs" mt={4} onSubmit={submit} aria-label={`Replace ${props.name}`}>
      <NativeSelect
        id={id}
        label={`In place of ${props.name}`}
        description="A reviewer or administrator not on the committee yet; they are told by e-mail."
        data={[
          { value: '', label: 'Choose a member of staff' },
          ...candidates.map((member) => ({ value: member.userId, label: member.displayName })),
        ]}
        value={chosen}
        onChange={(event) => setChosen(event.currentTarget.value)}
        required
      />
      {problem !== null && <ProblemAlert error={problem} title={`${props.name} was not replaced`} />}
      <CancelOrConfirm label="Replace" busy={busy} onCancel={() => setOpen(false)} />
    </Stack>
  );
}
