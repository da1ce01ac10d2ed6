import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { updateProfile, type PersonView } from '../api/queries';
import { capitalize } from '../format';
import {
  checkProfile,
  contactRow,
  MAX_CONTACT_EMAILS,
  NO_PROFILE_ERRORS,
  PROFILE_LABELS,
  profileErrors,
  profileValuesOf,
  type ProfileErrors,
  type ProfileField,
  type ProfileValues,
} from '../people/profile';
import { ProblemAlert, ProblemList } from './problem-alert';
import { StatusAlert, useStatus } from './status';
import { TextRows } from './text-rows';

const FIELD_ORDER: ProfileField[] = ['legalName', 'birthDate', 'city', 'region', 'member'];

/**
 * A person's profile: the person themselves or an admin changes it; only admins change the
 * membership flag. A save sends only what changed.
 */
export function ProfileForm(props: { bodyId: string; person: PersonView; own: boolean; admin: boolean }) {
  const { bodyId, person, own, admin } = props;
  const queryClient = useQueryClient();
  // The record as last loaded or saved: what "changed" is measured against.
  const [saved, setSaved] = useState(person);
  const [values, setValues] = useState<ProfileValues>(() => profileValuesOf(person));
  const [errors, setErrors] = useState<ProfileErrors>(NO_PROFILE_ERRORS);
  const [problem, setProblem] = useState<unknown>(null);
  const status = useStatus();
  const [saving, setSaving] = useState(false);

  function set<K extends ProfileField>(field: K, value: ProfileValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    status.clear();
    if (errors.fields[field]) setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  }

  function setContact(key: number, email: string) {
    setValues((current) => ({
      ...current,
      contactEmails: current.contactEmails.map((row) => (row.key === key ? { ...row, email } : row)),
    }));
    status.clear();
    if (errors.contactEmails[key] || errors.contactList)
      setErrors((current) => ({
        ...current,
        contactEmails: Object.fromEntries(Object.entries(current.contactEmails).filter(([k]) => Number(k) !== key)),
        contactList: undefined,
      }));
  }

  function focusFirstError(found: ProfileErrors) {
    const field = FIELD_ORDER.find((f) => found.fields[f]);
    const row = values.contactEmails.find((r) => found.contactEmails[r.key]);
    const id = field ? `profile-${field}` : row ? `contact-${row.key}` : found.contactList ? 'contact-add' : null;
    if (id) document.getElementById(id)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    status.clear();
    const checked = checkProfile(saved, values, { admin });
    if (checked.kind === 'unchanged') {
      setErrors(NO_PROFILE_ERRORS);
      status.show('Nothing to save: the profile is as shown.', false);
      return;
    }
    if (checked.kind === 'invalid') {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors(NO_PROFILE_ERRORS);
    setSaving(true);
    try {
      const updated = await updateProfile(bodyId, person.id, checked.body);
      setSaved(updated);
      setValues(profileValuesOf(updated));
      queryClient.setQueryData(['person', bodyId, person.id], updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['progress', bodyId, person.id] }),
        queryClient.invalidateQueries({ queryKey: ['people', bodyId] }),
        queryClient.invalidateQueries({ queryKey: ['audit', bodyId, person.id] }),
        queryClient.invalidateQueries({ queryKey: ['duplicates', bodyId] }),
      ]);
      const fields = Object.keys(checked.body).length;
      status.show(`Profile saved (${fields} ${fields === 1 ? 'field' : 'fields'} changed).`);
    } catch (error) {
      setProblem(error);
      if (isApiError(error, 400)) {
        const found = profileErrors(error.errors, values.contactEmails);
        setErrors(found);
        focusFirstError(found);
      }
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (field: ProfileField) => (errors.fields[field] ? capitalize(errors.fields[field]) : undefined);
  const summary = [
    ...FIELD_ORDER.flatMap((field) => (errors.fields[field] ? [`${PROFILE_LABELS[field]}: ${errors.fields[field]}`] : [])),
    ...values.contactEmails.flatMap((row, index) =>
      errors.contactEmails[row.key] ? [`Contact address ${index + 1}: ${errors.contactEmails[row.key]}`] : [],
    ),
    ...(errors.contactList ? [`Contact addresses: ${errors.contactList}`] : []),
    ...errors.other,
  ];
  const whose = own ? 'your' : `${saved.legalName}'s`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="profile-heading">
            Profile
          </Title>
          <StatusAlert status={status} />
          {problem !== null && (
            <ProblemAlert error={problem} title="The profile was not saved" withIssues={!isApiError(problem, 400)} />
          )}

          <TextInput
            id="profile-legalName"
            label={PROFILE_LABELS.legalName}
            description={`Exactly as it prints on ${own ? 'your' : 'the'} certificates and transcripts: spelling, capitals, accents and middle names.`}
            required
            autoComplete={own ? 'name' : 'off'}
            value={values.legalName}
            onChange={(event) => set('legalName', event.currentTarget.value)}
            error={fieldError('legalName')}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              id="profile-birthDate"
              label={PROFILE_LABELS.birthDate}
              description="Kept private and not shown again: it serves only to find duplicate records. Leave empty to keep the one on file."
              type="date"
              autoComplete={own ? 'bday' : 'off'}
              value={values.birthDate}
              onChange={(event) => set('birthDate', event.currentTarget.value)}
              error={fieldError('birthDate')}
            />
            <TextInput
              id="profile-city"
              label={PROFILE_LABELS.city}
              description="Optional"
              autoComplete={own ? 'address-level2' : 'off'}
              value={values.city}
              onChange={(event) => set('city', event.currentTarget.value)}
              error={fieldError('city')}
              maxLength={120}
            />
            <TextInput
              id="profile-region"
              label={PROFILE_LABELS.region}
              description="Optional"
              autoComplete={own ? 'address-level1' : 'off'}
              value={values.region}
              onChange={(event) => set('region', event.currentTarget.value)}
              error={fieldError('region')}
              maxLength={120}
            />
          </SimpleGrid>

          <TextRows
            legend="Contact e-mail addresses"
            hint={`Where the body writes to ${own ? 'you' : 'this person'}, besides ${whose} sign-in addresses. They do not sign in.`}
            empty="No contact address."
            idPrefix="contact"
            itemLabel="Contact address"
            type="email"
            autoComplete="off"
            rows={values.contactEmails.map((row) => ({ key: row.key, text: row.email }))}
            errors={errors.contactEmails}
            listError={errors.contactList}
            maxLength={320}
            maxRows={MAX_CONTACT_EMAILS}
            addLabel="Add a contact address"
            onChange={setContact}
            onAdd={() => {
              const row = contactRow();
              setValues((current) => ({ ...current, contactEmails: [...current.contactEmails, row] }));
              status.clear();
              // Focus the new field once it is drawn.
              requestAnimationFrame(() => document.getElementById(`contact-${row.key}`)?.focus());
            }}
            onRemove={(key) => {
              setValues((current) => ({ ...current, contactEmails: current.contactEmails.filter((r) => r.key !== key) }));
              status.clear();
            }}
          />

          {admin ? (
            <Checkbox
              id="profile-member"
              label={PROFILE_LABELS.member}
              description="Only the body's administrators change this."
              checked={values.member}
              onChange={(event) => set('member', event.currentTarget.checked)}
              error={fieldError('member')}
            />
          ) : (
            <Text size="sm">
              {PROFILE_LABELS.member}: <strong>{saved.member ? 'yes' : 'no'}</strong>. Only the body&apos;s administrators change
              this.
            </Text>
          )}

          <ProblemList lines={summary} />

          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
