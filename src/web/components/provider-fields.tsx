import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { PROVIDER_KINDS, type ProviderKind } from '../../server/providers/provider-kinds';
import { capitalize } from '../format';
import { PROVIDER_KIND_LABELS, PROVIDER_LABELS, type ProviderField, type ProviderValues } from '../providers/provider-form';

/** The fields of a provider's details, shared by registering and changing them; ids are `${idPrefix}-${field}`. */
export function ProviderFields(props: {
  idPrefix: string;
  values: ProviderValues;
  errors: Partial<Record<ProviderField, string>>;
  onChange: <K extends ProviderField>(field: K, value: ProviderValues[K]) => void;
  autoFocus?: boolean;
}) {
  const { idPrefix, values, errors, onChange } = props;
  const error = (field: ProviderField) => (errors[field] ? capitalize(errors[field]) : undefined);
  const text = (field: Exclude<ProviderField, 'kind'>) => ({
    id: `${idPrefix}-${field}`,
    label: PROVIDER_LABELS[field],
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(field, event.currentTarget.value),
    error: error(field),
  });
  return (
    <Stack gap="md">
      <TextInput
        {...text('name')}
        description="As it should appear on the public CE calendar and on confirmations of completion"
        required
        autoComplete="organization"
        maxLength={200}
        autoFocus={props.autoFocus}
      />
      <NativeSelect
        id={`${idPrefix}-kind`}
        label={PROVIDER_LABELS.kind}
        required
        value={values.kind}
        onChange={(event) => onChange('kind', event.currentTarget.value as ProviderKind)}
        data={[
          { value: '', label: 'Choose one', disabled: true },
          ...PROVIDER_KINDS.map((kind) => ({ value: kind, label: PROVIDER_KIND_LABELS[kind] })),
        ]}
        error={error('kind')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput {...text('contactName')} description="Whom the body writes to" required autoComplete="name" maxLength={200} />
        <TextInput
          {...text('email')}
          description="Decisions and notices are sent here"
          required
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={320}
        />
        <TextInput {...text('phone')} description="Optional" type="tel" autoComplete="tel" maxLength={40} />
        <TextInput
          {...text('website')}
          description="Optional, starting with https://"
          type="url"
          inputMode="url"
          autoComplete="url"
          maxLength={500}
        />
        <TextInput {...text('city')} description="Optional" autoComplete="address-level2" maxLength={120} />
        <TextInput {...text('region')} description="Optional" autoComplete="address-level1" maxLength={120} />
      </SimpleGrid>
    </Stack>
  );
}
