import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { capitalize } from '../format';

/**
 * A list of one-line entries (objectives, dates, contact addresses): each in its own field with
 * Remove, then Add. Fields are `${idPrefix}-${key}` and Add is `${idPrefix}-add`, where the forms
 * send the focus to a problem.
 */
export function TextRows(props: {
  legend: string;
  hint: string;
  /** Said when there is no entry. */
  empty?: string;
  idPrefix: string;
  itemLabel: string;
  type?: 'date' | 'email';
  autoComplete?: string;
  rows: readonly { key: number; text: string }[];
  errors: Partial<Record<number, string>>;
  listError: string | undefined;
  maxLength?: number;
  maxRows: number;
  addLabel: string;
  onChange: (key: number, text: string) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}) {
  const { idPrefix, itemLabel, errors } = props;
  return (
    <Fieldset legend={props.legend} variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {props.hint}
        </Text>
        {props.empty && props.rows.length === 0 && <Text size="sm">{props.empty}</Text>}
        {props.rows.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              id={`${idPrefix}-${row.key}`}
              label={`${itemLabel} ${index + 1}`}
              type={props.type}
              inputMode={props.type === 'email' ? 'email' : undefined}
              autoComplete={props.autoComplete}
              maxLength={props.maxLength}
              value={row.text}
              onChange={(event) => props.onChange(row.key, event.currentTarget.value)}
              error={errors[row.key] ? capitalize(errors[row.key]!) : undefined}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button
              variant="subtle"
              color="red"
              mt={25}
              px="xs"
              aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}${row.text && props.type === 'email' ? ` (${row.text})` : ''}`}
              onClick={() => props.onRemove(row.key)}
            >
              Remove
            </Button>
          </Group>
        ))}
        {props.listError && (
          <Text size="sm" c="red.8">
            {capitalize(props.listError)}
          </Text>
        )}
        <Button
          id={`${idPrefix}-add`}
          variant="light"
          w="fit-content"
          onClick={props.onAdd}
          disabled={props.rows.length >= props.maxRows}
        >
          {props.addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}
