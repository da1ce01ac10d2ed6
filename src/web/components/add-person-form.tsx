import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { addPerson, type PersonView } from '../api/queries';
import { capitalize } from '../format';
import {
  blankRow,
  check,
  emptyRow,
  HELD_LABELS,
  initialValues,
  LABELS,
  NO_ERRORS,
  serverErrors,
  type Errors,
  type HeldField,
  type PersonField,
  type Values,
} from '../people/new-person';
import { programsOf } from '../programs';
import { AnchorLink } from './links';
import { ProblemAlert, ProblemList } from './problem-alert';
import { StatusRegion } from './status';

/** An admin adds one certificant with the certifications they hold. */
export function AddPersonForm({ bodyId }: { bodyId: string }) {
  const queryClient = useQueryClient();
  const programs = useMemo(() => programsOf(bodyId), [bodyId]);
  const defaultProgram = programs.length === 1 ? programs[0]!.id : '';
  const [values, setValues] = useState<Values>(() => initialValues(defaultProgram));
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<PersonView | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  function set<K extends PersonField>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors.person[field]) setErrors((current) => ({ ...current, person: { ...current.person, [field]: undefined } }));
  }

  function setHeld(key: number, field: HeldField, value: string) {
    setValues((current) => ({
      ...current,
      certifications: current.certifications.map((row) => (row.key === key ? { ...row, [field]: value } : row)),
    }));
    if (errors.held[key]?.[field])
      setErrors((current) => ({ ...current, held: { ...current.held, [key]: { ...current.held[key], [field]: undefined } } }));
  }

  function focusFirstError(found: Errors) {
    const person = (Object.keys(LABELS) as PersonField[]).find((field) => found.person[field]);
    const row = values.certifications.find((r) => found.held[r.key]);
    const id = person
      ? `person-${person}`
      : row
        ? `held-${row.key}-${(Object.keys(HELD_LABELS) as HeldField[]).find((f) => found.held[row.key]?.[f])}`
        : null;
    if (id) document.getElementById(id)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setAdded(null);
    const checked = check(values, defaultProgram);
    setErrors(checked.errors);
    if (!checked.body) {
      focusFirstError(checked.errors);
      return;
    }
    const sentRows = values.certifications.filter((row) => !blankRow(row, defaultProgram));
    setSaving(true);
    try {
      const person = await addPerson(bodyId, checked.body);
      setAdded(person);
      setValues(initialValues(defaultProgram));
      setErrors(NO_ERRORS);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people', bodyId] }),
        queryClient.invalidateQueries({ queryKey: ['overview', bodyId] }),
      ]);
      statusRef.current?.focus();
    } catch (error) {
      setProblem(error);
      if (isApiError(error)) {
        const found = serverErrors(error.errors, sentRows);
        setErrors(found);
        focusFirstError(found);
      }
    } finally {
      setSaving(false);
    }
  }

  const personError = (field: PersonField) => (errors.person[field] ? capitalize(errors.person[field]) : undefined);
  const heldError = (key: number, field: HeldField) =>
    errors.held[key]?.[field] ? capitalize(errors.held[key][field]) : undefined;
  const summary = [
    ...(Object.keys(LABELS) as PersonField[]).flatMap((field) =>
      errors.person[field] ? [`${LABELS[field]}: ${errors.person[field]}`] : [],
    ),
    ...values.certifications.flatMap((row, index) =>
      (Object.keys(HELD_LABELS) as HeldField[]).flatMap((field) =>
        errors.held[row.key]?.[field]
          ? [`Certification ${index + 1}, ${HELD_LABELS[field]}: ${errors.held[row.key]![field]}`]
          : [],
      ),
    ),
    ...errors.other,
  ];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="add-person-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="add-person-heading">
            Add a certificant
          </Title>
          <StatusRegion regionRef={statusRef}>
            {added && (
              <Alert color="green" variant="light" withCloseButton onClose={() => setAdded(null)} closeButtonLabel="Dismiss">
                Added {added.legalName}, certificant number {added.number}.{' '}
                <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: added.id }}>
                  Open {added.legalName}&apos;s dashboard
                </AnchorLink>
              </Alert>
            )}
          </StatusRegion>
          {problem !== null && (
            <ProblemAlert error={problem} title="The certificant was not added" withIssues={errors.other.length > 0} />
          )}

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id="person-legalName"
              label={LABELS.legalName}
              description="Exactly as it appears on certificates"
              required
              autoComplete="off"
              value={values.legalName}
              onChange={(event) => set('legalName', event.currentTarget.value)}
              error={personError('legalName')}
              maxLength={200}
            />
            <TextInput
              id="person-number"
              label={LABELS.number}
              description="Leave empty to have one assigned"
              autoComplete="off"
              value={values.number}
              onChange={(event) => set('number', event.currentTarget.value)}
              error={personError('number')}
              maxLength={32}
            />
          </SimpleGrid>
          <TextInput
            id="person-emails"
            label={LABELS.emails}
            description="Separate several with commas. The person signs in with any of them."
            type="text"
            inputMode="email"
            autoComplete="off"
            value={values.emails}
            onChange={(event) => set('emails', event.currentTarget.value)}
            error={personError('emails')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              id="person-birthDate"
              label={LABELS.birthDate}
              description="Optional; only to find duplicates"
              type="date"
              value={values.birthDate}
              onChange={(event) => set('birthDate', event.currentTarget.value)}
              error={personError('birthDate')}
            />
            <TextInput
              id="person-city"
              label={LABELS.city}
              description="Optional"
              value={values.city}
              onChange={(event) => set('city', event.currentTarget.value)}
              error={personError('city')}
              maxLength={120}
            />
            <TextInput
              id="person-region"
              label={LABELS.region}
              description="Optional"
              value={values.region}
              onChange={(event) => set('region', event.currentTarget.value)}
              error={personError('region')}
              maxLength={120}
            />
          </SimpleGrid>
          <Checkbox
            id="person-member"
            label={LABELS.member}
            checked={values.member}
            onChange={(event) => set('member', event.currentTarget.checked)}
          />

          <Stack gap="sm">
            <Title order={3} size="h5">
              Certifications held
            </Title>
            {values.certifications.length === 0 && (
              <Text size="sm" c="dimmed">
                None: the person is added without a certification.
              </Text>
            )}
            {values.certifications.map((row, index) => (
              <Fieldset key={row.key} legend={`Certification ${index + 1}`} variant="filled" p="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  {programs.length > 0 ? (
                    <NativeSelect
                      id={`held-${row.key}-program`}
                      label={HELD_LABELS.program}
                      required
                      value={row.program}
                      onChange={(event) => setHeld(row.key, 'program', event.currentTarget.value)}
                      data={[
                        { value: '', label: 'Choose a program', disabled: true },
                        ...programs.map((program) => ({ value: program.id, label: `${program.designation}: ${program.name}` })),
                        ...(row.program && !programs.some((p) => p.id === row.program)
                          ? [{ value: row.program, label: row.program }]
                          : []),
                      ]}
                      error={heldError(row.key, 'program')}
                    />
                  ) : (
                    <TextInput
                      id={`held-${row.key}-program`}
                      label={HELD_LABELS.program}
                      description="The program's id, as in the body's policies"
                      required
                      value={row.program}
                      onChange={(event) => setHeld(row.key, 'program', event.currentTarget.value)}
                      error={heldError(row.key, 'program')}
                    />
                  )}
                  <TextInput
                    id={`held-${row.key}-awarded`}
                    label={HELD_LABELS.awarded}
                    description="First awarded"
                    type="date"
                    required
                    value={row.awarded}
                    onChange={(event) => setHeld(row.key, 'awarded', event.currentTarget.value)}
                    error={heldError(row.key, 'awarded')}
                  />
                  <TextInput
                    id={`held-${row.key}-renewedThrough`}
                    label={HELD_LABELS.renewedThrough}
                    description="End of the last cycle renewed, if any"
                    type="date"
                    min={row.awarded || undefined}
                    value={row.renewedThrough}
                    onChange={(event) => setHeld(row.key, 'renewedThrough', event.currentTarget.value)}
                    error={heldError(row.key, 'renewedThrough')}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      setValues((current) => ({
                        ...current,
                        certifications: current.certifications.filter((r) => r.key !== row.key),
                      }))
                    }
                  >
                    Remove certification {index + 1}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                setValues((current) => ({
                  ...current,
                  certifications: [
                    ...current.certifications,
                    emptyRow(current.certifications.length === 0 ? defaultProgram : ''),
                  ],
                }))
              }
              disabled={values.certifications.length >= 20}
            >
              Add a certification
            </Button>
          </Stack>

          <ProblemList lines={summary} />

          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              Add certificant
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
