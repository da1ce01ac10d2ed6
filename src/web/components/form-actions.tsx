import { Button, Group } from '@mantine/core';

/**
 * Cancel and the step's button, at the end of a form (the step submits it) or of a confirmation
 * (`onConfirm`, where Cancel takes the focus first: nothing happens by a stray Enter).
 */
export function CancelOrConfirm(props: {
  label: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm?: () => void;
  color?: string;
}) {
  const { busy, onConfirm } = props;
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={props.onCancel} disabled={busy} data-autofocus={onConfirm ? true : undefined}>
        Cancel
      </Button>
      <Button type={onConfirm ? 'button' : 'submit'} color={props.color} loading={busy} onClick={onConfirm}>
        {props.label}
      </Button>
    </Group>
  );
}
