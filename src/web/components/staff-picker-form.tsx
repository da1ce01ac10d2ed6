import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StaffMember } from '../api/providers';
import { fieldIssue } from '../forms';
import { ProblemAlert } from './problem-alert';

const ROLE_WORDS: Record<StaffMember['roles'][number], string> = { reviewer: 'reviewer', admin: 'administrator' };

/**
 * Members of the body's staff chosen for a committee (of an application, of an appeal), each named
 * with their roles: the choice checked first (`problemOf`), then sent; the server's problem with it
 * lands on the checkboxes.
 */
export function StaffPickerForm(props: {
  id: string;
  /** The form's name, as assistive technology reads it. */
  name: string;
  label: string;
  description: string;
  members: readonly StaffMember[];
  problemOf: (userIds: readonly string[]) => string | null;
  problemTitle: string;
  submitLabel: string;
  /** Shows how many are chosen beside the button. */
  counted?: boolean;
  onSubmit: (userIds: string[]) => Promise<void>;
}) {
  const { id } = props;
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const found = props.problemOf(chosen);
    setError(found ?? undefined);
    if (found) {
      document.getElementById(id)?.querySelector('input')?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(chosen);
      setChosen([]);
    } catch (failure) {
      setProblem(failure);
      const message = fieldIssue(failure, 'userIds');
      if (message) setError(message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={props.name}>
      <Stack gap="sm">
        {problem !== null && !fieldIssue(problem, 'userIds') && <ProblemAlert error={problem} title={props.problemTitle} />}
        <Checkbox.Group
          id={id}
          label={props.label}
          description={props.description}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            setError(undefined);
          }}
          error={error}
          required
        >
          <Stack gap={6} mt="xs">
            {props.members.map((member) => (
              <Checkbox
                key={member.userId}
                value={member.userId}
                label={`${member.displayName} (${member.roles.map((role) => ROLE_WORDS[role]).join(', ')})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" variant="light" loading={saving}>
            {props.submitLabel}
          </Button>
          {props.counted && (
            <Text size="sm" c="dimmed">
              {chosen.length} chosen
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
