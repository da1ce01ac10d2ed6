import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import {
  invalidateApplication,
  saveDraft,
  submitApplication,
  uploadApplicationFile,
  type ApplicationView,
  type OfferingKind,
} from '../api/applications';
import { bodyInfo } from '../bodies';
import { capitalize } from '../format';
import {
  APPLICATION_LABELS,
  applicationErrors,
  applicationSummaryLines,
  applicationValuesOf,
  categoriesOf,
  draftOf,
  firstApplicationErrorId,
  hasErrors,
  instructorRow,
  itemRow,
  NO_APPLICATION_ERRORS,
  offeringKindsOf,
  type ApplicationErrors,
  type ApplicationField,
  type ApplicationValues,
  type InstructorField,
} from '../providers/application-form';
import { offeringTypeLabel } from '../providers/calendar-filters';
import { CategoryCheckboxes, HoursInput } from './credit-fields';
import { ProblemAlert, ProblemList } from './problem-alert';
import { TextRows } from './text-rows';
import { StatusAlert, useStatus } from './status';
import { ApplicationDocuments, tooLarge } from './application-documents';
import { ApplicationInstructors } from './application-instructors';

/**
 * The provider's draft of an application: every field, saved as typed (incomplete is fine), and
 * submitted whole; the server's problems go to their fields. Its documents are attached beside it.
 */
export function ApplicationEditor(props: {
  bodyId: string;
  application: ApplicationView;
  onSubmitted: (view: ApplicationView) => void;
}) {
  const { bodyId, application } = props;
  const { providerId, id } = application;
  const queryClient = useQueryClient();
  const kinds = useMemo(() => offeringKindsOf(bodyId), [bodyId]);
  const categories = useMemo(() => categoriesOf(bodyId), [bodyId]);
  const [values, setValues] = useState<ApplicationValues>(() => applicationValuesOf(application.content));
  const [errors, setErrors] = useState<ApplicationErrors>(NO_APPLICATION_ERRORS);
  const [problem, setProblem] = useState<{ error: unknown; title: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | 'resume' | null>(null);
  const status = useStatus();
  const resumes = application.files.filter((file) => file.kind === 'resume' && !file.removed);

  function set<K extends ApplicationField>(field: K, value: ApplicationValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    status.clear();
    if (errors.fields[field]) setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  }

  function setInstructor(key: number, field: InstructorField, value: string) {
    setValues((current) => ({
      ...current,
      instructors: current.instructors.map((row) => (row.key === key ? { ...row, [field]: value } : row)),
    }));
    status.clear();
    if (errors.instructors[key]?.[field])
      setErrors((current) => ({
        ...current,
        instructors: { ...current.instructors, [key]: { ...current.instructors[key], [field]: undefined } },
      }));
  }

  function setItem(list: 'objectives' | 'dates', key: number, text: string) {
    setValues((current) => ({ ...current, [list]: current[list].map((row) => (row.key === key ? { ...row, text } : row)) }));
    status.clear();
    if (errors[list][key] || errors.lists[list])
      setErrors((current) => ({
        ...current,
        [list]: Object.fromEntries(Object.entries(current[list]).filter(([k]) => Number(k) !== key)),
        lists: { ...current.lists, [list]: undefined },
      }));
  }

  function addRow(list: 'instructors' | 'objectives' | 'dates') {
    const row = list === 'instructors' ? instructorRow() : itemRow();
    setValues((current) => ({ ...current, [list]: [...current[list], row] }));
    setErrors((current) => ({ ...current, lists: { ...current.lists, [list]: undefined } }));
    const focus =
      list === 'instructors' ? `instructor-${row.key}-name` : `${list === 'objectives' ? 'objective' : 'date'}-${row.key}`;
    requestAnimationFrame(() => document.getElementById(focus)?.focus());
  }

  function removeRow(list: 'instructors' | 'objectives' | 'dates', key: number) {
    setValues((current) => ({ ...current, [list]: (current[list] as { key: number }[]).filter((row) => row.key !== key) }));
    status.clear();
  }

  function showProblems(error: unknown, snapshot: ApplicationValues, title: string) {
    setProblem({ error, title });
    if (isApiError(error, 400)) {
      const found = applicationErrors(error.errors, snapshot);
      setErrors(found);
      const first = firstApplicationErrorId(found, snapshot);
      if (first) document.getElementById(first)?.focus();
    }
  }

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['application', bodyId, providerId, id] });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const submitting = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const snapshot = values;
    setProblem(null);
    status.clear();
    setErrors(NO_APPLICATION_ERRORS);
    setBusy(submitting ? 'submit' : 'save');
    try {
      const saved = await saveDraft(bodyId, providerId, id, draftOf(snapshot));
      await invalidateApplication(queryClient, bodyId, saved);
      if (!submitting) {
        status.show('Draft saved. Nothing is sent to the body until you submit.');
        return;
      }
      const submitted = await submitApplication(bodyId, providerId, id);
      await invalidateApplication(queryClient, bodyId, submitted);
      props.onSubmitted(submitted);
    } catch (error) {
      showProblems(error, snapshot, submitting ? 'The application was not submitted' : 'The draft was not saved');
    } finally {
      setBusy(null);
    }
  }

  async function uploadResume(key: number, file: File | undefined, input: HTMLInputElement) {
    if (!file) return;
    const refused = tooLarge(file);
    if (refused) {
      setErrors((current) => ({
        ...current,
        instructors: { ...current.instructors, [key]: { ...current.instructors[key], resumeFileId: refused } },
      }));
      return;
    }
    setProblem(null);
    setBusy('resume');
    try {
      const added = await uploadApplicationFile(bodyId, providerId, id, 'resume', file);
      input.value = '';
      await refresh();
      setInstructor(key, 'resumeFileId', added.id);
      status.show(`Resume ${added.filename} was attached and chosen. Save the draft to keep the choice.`, false);
    } catch (error) {
      setProblem({ error, title: 'The resume was not attached' });
    } finally {
      setBusy(null);
    }
  }

  const fieldError = (field: ApplicationField) => (errors.fields[field] ? capitalize(errors.fields[field]) : undefined);
  const summary = hasErrors(errors) ? applicationSummaryLines(errors, values) : [];
  const { recurringApprovalYears } = bodyInfo(bodyId);

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="application-form-heading">
        <form onSubmit={(event) => void save(event)} noValidate aria-labelledby="application-form-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="application-form-heading">
              {application.status === 'info-requested' ? 'Answer and submit again' : 'Application'}
            </Title>
            <StatusAlert status={status} />
            {problem !== null && (
              <ProblemAlert error={problem.error} title={problem.title} withIssues={!isApiError(problem.error, 400)} />
            )}

            <TextInput
              id="application-title"
              label={APPLICATION_LABELS.title}
              description="As it will appear on the public CE calendar"
              required
              maxLength={300}
              value={values.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={fieldError('title')}
            />
            <NativeSelect
              id="application-kind"
              label={APPLICATION_LABELS.kind}
              required
              value={values.kind}
              onChange={(event) => set('kind', event.currentTarget.value as OfferingKind | '')}
              data={[
                { value: '', label: 'Choose a kind' },
                ...kinds.map((kind) => ({ value: kind, label: offeringTypeLabel(kind) })),
                ...(values.kind && !kinds.includes(values.kind)
                  ? [{ value: values.kind, label: offeringTypeLabel(values.kind) }]
                  : []),
              ]}
              error={fieldError('kind')}
            />
            {values.kind === 'recurring-course' && (
              <Checkbox
                id="application-recurringApproval"
                label={`${APPLICATION_LABELS.recurringApproval} (${recurringApprovalYears} years)`}
                description="A recurring course may be approved for the whole period instead of one offering."
                checked={values.recurringApproval}
                onChange={(event) => set('recurringApproval', event.currentTarget.checked)}
                error={fieldError('recurringApproval')}
              />
            )}
            <Textarea
              id="application-description"
              label={APPLICATION_LABELS.description}
              description="What the offering covers and for whom; shown on the public CE calendar"
              required
              autosize
              minRows={3}
              maxLength={5000}
              value={values.description}
              onChange={(event) => set('description', event.currentTarget.value)}
              error={fieldError('description')}
            />
            <TextInput
              id="application-sponsor"
              label={APPLICATION_LABELS.sponsor}
              description="The organization or person that runs the offering"
              required
              maxLength={300}
              value={values.sponsor}
              onChange={(event) => set('sponsor', event.currentTarget.value)}
              error={fieldError('sponsor')}
            />

            <ApplicationInstructors
              instructors={values.instructors}
              errors={errors}
              resumes={resumes}
              busy={busy !== null}
              onChange={setInstructor}
              onUpload={(key, file, input) => void uploadResume(key, file, input)}
              onAdd={() => addRow('instructors')}
              onRemove={(key) => removeRow('instructors', key)}
            />

            <Textarea
              id="application-syllabus"
              label={APPLICATION_LABELS.syllabus}
              description="Topics session by session, with the time given to each; a syllabus document may also be attached below"
              required
              autosize
              minRows={4}
              maxLength={20000}
              value={values.syllabus}
              onChange={(event) => set('syllabus', event.currentTarget.value)}
              error={fieldError('syllabus')}
            />

            <TextRows
              legend="Educational objectives"
              hint="What participants will be able to do afterwards, one per line."
              idPrefix="objective"
              itemLabel="Objective"
              rows={values.objectives}
              errors={errors.objectives}
              listError={errors.lists.objectives}
              maxLength={1000}
              maxRows={50}
              addLabel="Add an objective"
              onChange={(key, text) => setItem('objectives', key, text)}
              onAdd={() => addRow('objectives')}
              onRemove={(key) => removeRow('objectives', key)}
            />

            <TextRows
              legend="Planned dates"
              hint="Each day the offering runs; a recurring course lists its first sessions."
              idPrefix="date"
              itemLabel="Date"
              type="date"
              rows={values.dates}
              errors={errors.dates}
              listError={errors.lists.dates}
              maxRows={366}
              addLabel="Add a date"
              onChange={(key, text) => setItem('dates', key, text)}
              onAdd={() => addRow('dates')}
              onRemove={(key) => removeRow('dates', key)}
            />

            <Radio.Group
              id="application-format"
              label={APPLICATION_LABELS.format}
              required
              value={values.format}
              onChange={(value) => set('format', value as ApplicationValues['format'])}
              error={fieldError('format')}
            >
              <Group gap="lg" mt={6}>
                <Radio value="in-person" label="In person" />
                <Radio value="virtual" label="Virtual" />
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                id="application-city"
                label={APPLICATION_LABELS.city}
                description={
                  values.format === 'in-person' ? 'Required for an offering in person' : 'Where it takes place, if in person'
                }
                required={values.format === 'in-person'}
                maxLength={120}
                value={values.city}
                onChange={(event) => set('city', event.currentTarget.value)}
                error={fieldError('city')}
              />
              <TextInput
                id="application-region"
                label={APPLICATION_LABELS.region}
                description={values.format === 'in-person' ? 'Required for an offering in person' : 'Optional'}
                required={values.format === 'in-person'}
                maxLength={120}
                value={values.region}
                onChange={(event) => set('region', event.currentTarget.value)}
                error={fieldError('region')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                id="application-registrationContact"
                label={APPLICATION_LABELS.registrationContact}
                description="Whom participants contact to register: name, e-mail or phone"
                required
                maxLength={500}
                value={values.registrationContact}
                onChange={(event) => set('registrationContact', event.currentTarget.value)}
                error={fieldError('registrationContact')}
              />
              <TextInput
                id="application-registrationUrl"
                label={APPLICATION_LABELS.registrationUrl}
                description="Optional, starting with https://"
                type="url"
                inputMode="url"
                maxLength={500}
                value={values.registrationUrl}
                onChange={(event) => set('registrationUrl', event.currentTarget.value)}
                error={fieldError('registrationUrl')}
              />
            </SimpleGrid>
            <HoursInput
              id="application-hours"
              label={APPLICATION_LABELS.hours}
              description="Contact hours of instruction, up to two decimals; the body may approve fewer"
              required
              value={values.hours}
              onChange={(value) => set('hours', typeof value === 'number' ? value : '')}
              error={fieldError('hours')}
              maw={260}
            />
            {categories.length > 0 ? (
              <CategoryCheckboxes
                id="application-categories"
                label={APPLICATION_LABELS.categories}
                description="The subjects of the body's requirements the offering covers"
                categories={categories}
                value={values.categories}
                onChange={(value) => set('categories', value)}
                error={fieldError('categories')}
              />
            ) : (
              <Text size="sm" c={errors.fields.categories ? 'red.8' : 'dimmed'} id="application-categories" tabIndex={-1}>
                {errors.fields.categories
                  ? `${APPLICATION_LABELS.categories}: ${capitalize(errors.fields.categories)}`
                  : "This body's programs have no credit categories: none to propose."}
              </Text>
            )}

            <Text size="sm">
              {application.fee.cents === 0
                ? 'There is no fee for an application.'
                : `The application fee is ${(application.fee.cents / 100).toFixed(2)} ${application.fee.currency}.`}
            </Text>

            <ProblemList lines={summary} />
            <Group justify="flex-end" gap="sm">
              <Button
                type="submit"
                name="step"
                value="save"
                variant="default"
                loading={busy === 'save'}
                disabled={busy !== null && busy !== 'save'}
              >
                Save draft
              </Button>
              <Button
                type="submit"
                name="step"
                value="submit"
                loading={busy === 'submit'}
                disabled={busy !== null && busy !== 'submit'}
              >
                Submit for review
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <ApplicationDocuments bodyId={bodyId} application={application} onChanged={refresh} />
    </Stack>
  );
}
