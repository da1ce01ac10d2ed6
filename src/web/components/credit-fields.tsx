import { Checkbox, Group, NumberInput, type NumberInputProps } from '@mantine/core';
import { capitalize, words } from '../format';

/** Fields of CE credit shared by activities, applications and decisions. */

/** Hours as the server takes them: from 0 to 1,000, up to two decimals. */
export function HoursInput(props: NumberInputProps) {
  return <NumberInput min={0} max={1000} step={0.25} decimalScale={2} allowNegative={false} inputMode="decimal" {...props} />;
}

/** The body's credit categories to tick ("employment-law" reads "Employment law"). */
export function CategoryCheckboxes(props: {
  id: string;
  label: string;
  description?: string;
  categories: readonly string[];
  value: string[];
  onChange: (categories: string[]) => void;
  error: string | undefined;
}) {
  const { categories, ...group } = props;
  return (
    <Checkbox.Group {...group}>
      <Group gap="lg" mt={6}>
        {categories.map((category) => (
          <Checkbox key={category} value={category} label={capitalize(words(category))} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
