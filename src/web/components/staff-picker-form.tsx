import { Checkbox, Stack } from '@mantine/core';
import type { StaffMember } from '../api/providers';

const ROLE_WORDS: Record<StaffMember['roles'][number], string> = { reviewer: 'reviewer', admin: 'administrator' };

/** Members of the body's staff to choose from (a committee), each named with their roles. */
export function StaffCheckboxes(props: {
  id: string;
  label: string;
  description: string;
  members: readonly StaffMember[];
  value: string[];
  onChange: (userIds: string[]) => void;
  error: string | undefined;
  required?: boolean;
}) {
  const { members, ...group } = props;
  return (
    <Checkbox.Group {...group}>
      <Stack gap={6} mt="xs">
        {members.map((member) => (
          <Checkbox
            key={member.userId}
            value={member.userId}
            label={`${member.displayName} (${member.roles.map((role) => ROLE_WORDS[role]).join(', ')})`}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
