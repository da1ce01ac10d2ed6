import { Button, Fieldset, Group, Input, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ApplicationView } from '../api/applications';
import { EVIDENCE_ACCEPT } from '../api/queries';
import { capitalize } from '../format';
import {
  INSTRUCTOR_LABELS,
  type ApplicationErrors,
  type ApplicationValues,
  type InstructorField,
} from '../providers/application-form';

/** The instructors of an application: name, qualifications and a resume each (chosen from those attached, or attached here). */
export function ApplicationInstructors(props: {
  instructors: ApplicationValues['instructors'];
  errors: ApplicationErrors;
  resumes: ApplicationView['files'];
  busy: boolean;
  onChange: (key: number, field: InstructorField, value: string) => void;
  onUpload: (key: number, file: File | undefined, input: HTMLInputElement) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}) {
  const { instructors, errors, resumes, busy, onChange, onUpload, onAdd, onRemove } = props;
  return (
    <Fieldset legend="Instructors" variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each instructor with their qualifications and a resume (needed to submit).
        </Text>
        {instructors.length === 0 && <Text size="sm">No instructor yet.</Text>}
        {instructors.map((row, index) => {
          const error = (field: InstructorField) =>
            errors.instructors[row.key]?.[field] ? capitalize(errors.instructors[row.key]![field]!) : undefined;
          const chosen = row.resumeFileId;
          return (
            <Fieldset key={row.key} legend={`Instructor ${index + 1}`} p="sm">
              <Stack gap="sm">
                <TextInput
                  id={`instructor-${row.key}-name`}
                  label={INSTRUCTOR_LABELS.name}
                  required
                  maxLength={200}
                  value={row.name}
                  onChange={(event) => onChange(row.key, 'name', event.currentTarget.value)}
                  error={error('name')}
                />
                <Textarea
                  id={`instructor-${row.key}-qualifications`}
                  label={INSTRUCTOR_LABELS.qualifications}
                  description="Degrees, certifications, experience teaching the subject"
                  required
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={row.qualifications}
                  onChange={(event) => onChange(row.key, 'qualifications', event.currentTarget.value)}
                  error={error('qualifications')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    id={`instructor-${row.key}-resumeFileId`}
                    label={INSTRUCTOR_LABELS.resumeFileId}
                    description="One of the resumes attached"
                    value={chosen}
                    onChange={(event) => onChange(row.key, 'resumeFileId', event.currentTarget.value)}
                    data={[
                      { value: '', label: resumes.length === 0 ? 'No resume attached yet' : 'Choose a resume' },
                      ...resumes.map((file) => ({ value: file.id, label: file.filename })),
                      ...(chosen && !resumes.some((file) => file.id === chosen)
                        ? [{ value: chosen, label: 'a resume no longer attached' }]
                        : []),
                    ]}
                    error={error('resumeFileId')}
                  />
                  <Input.Wrapper
                    id={`instructor-${row.key}-resume-upload`}
                    label="Or attach a resume"
                    description="PDF, PNG or JPEG; chosen for this instructor"
                  >
                    <input
                      id={`instructor-${row.key}-resume-upload`}
                      className="file-input"
                      type="file"
                      accept={EVIDENCE_ACCEPT}
                      disabled={busy}
                      onChange={(event) => onUpload(row.key, event.currentTarget.files?.[0], event.currentTarget)}
                    />
                  </Input.Wrapper>
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(row.key)}>
                    Remove instructor {index + 1}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        {errors.lists.instructors && (
          <Text size="sm" c="red.8">
            {capitalize(errors.lists.instructors)}
          </Text>
        )}
        <Button id="instructor-add" variant="light" w="fit-content" onClick={onAdd} disabled={instructors.length >= 50}>
          Add an instructor
        </Button>
      </Stack>
    </Fieldset>
  );
}
