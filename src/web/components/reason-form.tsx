import { Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldIssue } from '../forms';
import { CancelOrConfirm } from './form-actions';
import { ProblemAlert } from './problem-alert';

/**
 * A step that needs a written reason (reversing a merge, rejecting an activity, appealing a
 * termination): what the step does, the reason, Cancel and the step's button. The server's message
 * on the reason's field lands on it; any other problem above it.
 */
export function ReasonForm(props: {
  /** The text field's id. */
  id: string;
  /** What happens, said before the reason is asked for. */
  intro: ReactNode;
  label: string;
  description: string;
  /** The request's field the reason is sent as: where the server's problem with it is found. */
  field: string;
  /** Said when the reason is missing (or shorter than `minLength`). */
  missing: string;
  minLength?: number;
  maxLength: number;
  minRows?: number;
  problemTitle: string;
  submitLabel: string;
  color?: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { id, field, minLength = 1 } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  function refuse(message: string) {
    setError(message);
    document.getElementById(id)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (reason.trim().length < minLength) return refuse(props.missing);
    setSaving(true);
    try {
      await props.onSubmit(reason.trim());
    } catch (failure) {
      const message = fieldIssue(failure, field);
      if (message) refuse(message);
      else setProblem(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{props.intro}</Text>
        {problem !== null && <ProblemAlert error={problem} title={props.problemTitle} />}
        <Textarea
          id={id}
          data-autofocus
          label={props.label}
          description={props.description}
          required
          autosize
          minRows={props.minRows ?? 3}
          maxLength={props.maxLength}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            if (error) setError(undefined);
          }}
          error={error}
        />
        <CancelOrConfirm label={props.submitLabel} color={props.color} busy={saving} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
