import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { applicationFileUrl, type ApplicationDraft, type ApplicationFileView } from '../api/applications';
import { formatBytes, formatDay, formatNumber, words } from '../format';
import { offeringTypeLabel } from '../providers/calendar-filters';

export const FILE_KIND_LABELS: Record<ApplicationFileView['kind'], string> = {
  resume: 'Resume',
  syllabus: 'Syllabus',
  agenda: 'Agenda',
  other: 'Other document',
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A link that downloads one of the application's files, named by its kind and file name. */
export function FileLink(props: { bodyId: string; providerId: string; applicationId: string; file: ApplicationFileView }) {
  const { bodyId, providerId, applicationId, file } = props;
  return (
    <Anchor href={applicationFileUrl(bodyId, providerId, applicationId, file.id)} download={file.filename}>
      {file.filename}
    </Anchor>
  );
}

/** An application's content as submitted (or as the draft stands), read only. */
export function ApplicationContent(props: {
  bodyId: string;
  providerId: string;
  applicationId: string;
  content: ApplicationDraft;
  files: readonly ApplicationFileView[];
}) {
  const { content, files } = props;
  const fileById = new Map(files.map((file) => [file.id, file]));
  const none = 'not given';
  return (
    <Stack component="dl" gap="sm" m={0}>
      <Fact term="Title">{content.title || none}</Fact>
      <Fact term="Kind of offering">
        {content.kind ? offeringTypeLabel(content.kind) : none}
        {content.recurringApproval ? ' · asks for the recurring approval' : ''}
      </Fact>
      <Fact term="Description">{content.description || none}</Fact>
      <Fact term="Sponsor">{content.sponsor || none}</Fact>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          Instructors
        </Text>
        <Text component="dd" size="sm" m={0}>
          {(content.instructors ?? []).length === 0 ? (
            none
          ) : (
            <List size="sm" spacing={4}>
              {content.instructors!.map((instructor, index) => {
                const resume = instructor.resumeFileId ? fileById.get(instructor.resumeFileId) : undefined;
                return (
                  <List.Item key={index}>
                    <strong>{instructor.name || 'unnamed'}</strong>
                    {instructor.qualifications ? `: ${instructor.qualifications}` : ''}
                    {resume && (
                      <>
                        {' · resume '}
                        <FileLink {...props} file={resume} />
                      </>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Text>
      </div>
      <Fact term="Syllabus">{content.syllabus || none}</Fact>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          Educational objectives
        </Text>
        <Text component="dd" size="sm" m={0}>
          {(content.objectives ?? []).length === 0 ? (
            none
          ) : (
            <List size="sm" type="ordered">
              {content.objectives!.map((objective, index) => (
                <List.Item key={index}>{objective}</List.Item>
              ))}
            </List>
          )}
        </Text>
      </div>
      <Fact term="Planned dates">{(content.dates ?? []).map(formatDay).join(', ') || none}</Fact>
      <Fact term="Where">
        {content.virtual === undefined
          ? none
          : content.virtual
            ? 'Virtual'
            : `In person${content.city || content.region ? `, ${[content.city, content.region].filter(Boolean).join(', ')}` : ''}`}
      </Fact>
      <Fact term="Registration">
        {content.registrationContact || none}
        {content.registrationUrl ? ` · ${content.registrationUrl}` : ''}
      </Fact>
      <Fact term="Proposed hours and categories">
        {content.hours === undefined ? none : `${formatNumber(content.hours)} ${content.hours === 1 ? 'hour' : 'hours'}`}
        {(content.categories ?? []).length > 0 ? ` · ${content.categories!.map(words).join(', ')}` : ''}
      </Fact>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          Documents
        </Text>
        <Text component="dd" size="sm" m={0}>
          {files.filter((file) => !file.removed).length === 0 ? (
            'none'
          ) : (
            <List size="sm" spacing={2}>
              {files
                .filter((file) => !file.removed)
                .map((file) => (
                  <List.Item key={file.id}>
                    <Group gap={6} wrap="wrap">
                      <span>{FILE_KIND_LABELS[file.kind]}:</span>
                      <FileLink {...props} file={file} />
                      <Text span size="xs" c="dimmed">
                        {formatBytes(file.size)}
                      </Text>
                    </Group>
                  </List.Item>
                ))}
            </List>
          )}
        </Text>
      </div>
    </Stack>
  );
}
