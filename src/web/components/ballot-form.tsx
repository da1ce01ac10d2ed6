import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldIssue } from '../forms';
import { ProblemAlert } from './problem-alert';

/**
 * A committee member's vote (on an application, on an appeal): one of the choices, and a comment
 * kept with it, required or not. The server's problems on either land on the field.
 */
export function BallotForm<V extends string>(props: {
  /** Ids are `${id}-choice` and `${id}-comment`. */
  id: string;
  label: string;
  description?: string;
  choices: readonly { value: V; label: string }[];
  /** Short choices side by side; long ones one under the other. */
  inline?: boolean;
  initial?: { vote: V | null; comment: string };
  commentDescription: string;
  /** Said when the comment is left empty; without it the comment is optional. */
  commentMissing?: string;
  onVote: (ballot: { vote: V; comment: string }) => Promise<void>;
}) {
  const { id } = props;
  const [vote, setVote] = useState<V | null>(props.initial?.vote ?? null);
  const [comment, setComment] = useState(props.initial?.comment ?? '');
  const [errors, setErrors] = useState<{ vote?: string; comment?: string }>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  function refuse(found: { vote?: string; comment?: string }) {
    setErrors(found);
    if (found.vote) document.getElementById(`${id}-choice`)?.querySelector('input')?.focus();
    else if (found.comment) document.getElementById(`${id}-comment`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found = {
      vote: vote === null ? 'Choose your vote' : undefined,
      comment: props.commentMissing && comment.trim() === '' ? props.commentMissing : undefined,
    };
    refuse(found);
    if (vote === null || found.comment) return;
    setSaving(true);
    try {
      await props.onVote({ vote, comment: comment.trim() });
    } catch (failure) {
      setProblem(failure);
      refuse({ vote: fieldIssue(failure, 'vote'), comment: fieldIssue(failure, 'comment') });
    } finally {
      setSaving(false);
    }
  }

  const Choices = props.inline ? Group : Stack;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Your vote">
      <Stack gap="sm">
        {problem !== null && !errors.vote && !errors.comment && (
          <ProblemAlert error={problem} title="The vote was not recorded" />
        )}
        <Radio.Group
          id={`${id}-choice`}
          label={props.label}
          description={props.description}
          required
          value={vote}
          onChange={(value) => {
            setVote(value as V);
            setErrors((current) => ({ ...current, vote: undefined }));
          }}
          error={errors.vote}
        >
          <Choices gap={props.inline ? 'md' : 6} mt={6}>
            {props.choices.map((choice) => (
              <Radio key={choice.value} value={choice.value} label={choice.label} />
            ))}
          </Choices>
        </Radio.Group>
        <Textarea
          id={`${id}-comment`}
          label="Comment"
          description={props.commentDescription}
          required={props.commentMissing !== undefined}
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
