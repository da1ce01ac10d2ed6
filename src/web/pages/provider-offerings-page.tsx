import { Alert, Anchor, Badge, Button, Card, Group, Input, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import {
  attendanceQuery,
  confirmationsUrl,
  confirmationUrl,
  offeringsQuery,
  uploadRoster,
  type Offering,
  type RosterReport,
} from '../api/applications';
import { FileRefusal } from '../components/file-refusal';
import { ProblemAlert } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { NotAProvider } from '../layout/route-states';
import { formatBytes, formatDateTime, formatDay, formatNumber } from '../format';
import { useSession } from '../layout/session-context';
import {
  attendanceCount,
  offeringSummary,
  reportSentence,
  ROSTER_COLUMNS,
  ROSTER_MAX_BYTES,
  rosterTemplate,
} from '../providers/roster';
import { bodyNameOf, providerIdIn } from '../session';
import { ApiKeyCard } from '../providers/api-key-card';

const route = getRouteApi('/_app/bodies/$bodyId/provider/offerings');

function Report({ report }: { report: RosterReport }) {
  return (
    <Stack gap="xs">
      <Alert color="green" variant="light" title="The roster was recorded">
        {reportSentence(report)}
        {report.confirmationsPending > 0 &&
          ` Confirmations for ${formatNumber(report.confirmationsPending)} matched attendees are still being issued.`}
      </Alert>
      {report.changes.length > 0 && (
        <Table.ScrollContainer minWidth={300}>
          <Table striped verticalSpacing="xs" fz="sm" withTableBorder>
            <Table.Caption>Rows whose data changed since the last upload</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                <Table.Th scope="col">Attendee</Table.Th>
                <Table.Th scope="col">Changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.changes.map((change) => (
                <Table.Tr key={`${change.row}-${change.attendee}`}>
                  <Table.Td>{change.row}</Table.Td>
                  <Table.Td>{change.attendee}</Table.Td>
                  <Table.Td>{change.fields.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One offering's attendance: upload a roster (CSV) with its report, the attendees, and their confirmations. */
function Attendance({ bodyId, offering }: { bodyId: string; offering: Offering }) {
  const queryClient = useQueryClient();
  const attendance = useQuery(attendanceQuery(bodyId, offering.id));
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<RosterReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputId = `roster-${offering.id}`;

  async function upload(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    setFailure(null);
    const file = input.current?.files?.[0];
    const refused = !file
      ? 'Choose the roster file (CSV)'
      : file.size > ROSTER_MAX_BYTES
        ? `${file.name} is ${formatBytes(file.size)}: at most 64 MB`
        : null;
    setFileError(refused ?? undefined);
    if (refused || !file) {
      input.current?.focus();
      return;
    }
    setUploading(true);
    try {
      const result = await uploadRoster(bodyId, offering.id, await file.text());
      setReport(result);
      if (input.current) input.current.value = '';
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['attendance', bodyId, offering.id] }),
        // The offering's count of attendees.
        queryClient.invalidateQueries({ queryKey: ['offerings', bodyId] }),
      ]);
    } catch (error) {
      setFailure(error);
    } finally {
      setUploading(false);
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  }

  const rows = attendance.data ?? [];
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(rosterTemplate(offering.validFrom, offering.hours))}`;

  return (
    <Stack gap="md">
      <form onSubmit={(event) => void upload(event)} noValidate aria-label={`Upload the roster of ${offering.title}`}>
        <Stack gap="xs">
          <Input.Wrapper
            id={inputId}
            label="Roster file (CSV)"
            description={`Columns ${ROSTER_COLUMNS.join(', ')}; each row needs the e-mail or the certificant number. Completion dates from ${formatDay(offering.validFrom)} to ${formatDay(offering.validUntil)}, hours at most ${formatNumber(offering.hours)}.`}
            error={fileError}
          >
            <input
              ref={input}
              id={inputId}
              className="file-input"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={fileError ? true : undefined}
              onChange={() => setFileError(undefined)}
            />
          </Input.Wrapper>
          <Group gap="sm">
            <Button type="submit" loading={uploading}>
              Upload roster
            </Button>
            <Anchor href={template} download={`roster-${offering.approvalCode}.csv`} size="sm">
              Download a template
            </Anchor>
          </Group>
        </Stack>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" style={{ outline: 'none' }}>
        {report && <Report report={report} />}
        {failure !== null && (
          <FileRefusal
            error={failure}
            title="The roster was refused: nothing was recorded"
            advice="Correct the file and upload it again: a roster is recorded whole or not at all, and uploading it again never counts anyone twice."
          />
        )}
      </div>

      {attendance.error && <ProblemAlert error={attendance.error} title="The attendance could not be loaded" />}
      {attendance.data && (
        <Stack gap="xs">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={600}>
              {rows.length === 0 ? 'No attendance reported yet.' : `${formatNumber(rows.length)} attendees reported`}
            </Text>
            {rows.length > 0 && (
              <Anchor href={confirmationsUrl(bodyId, offering.id)} size="sm">
                Download all confirmations (PDF)
              </Anchor>
            )}
          </Group>
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={620}>
              <Table striped verticalSpacing="xs" fz="sm" withTableBorder>
                <Table.Caption>Attendees of {offering.title}, by name</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">E-mail or number</Table.Th>
                    <Table.Th scope="col">Completed</Table.Th>
                    <Table.Th scope="col">Hours</Table.Th>
                    <Table.Th scope="col">Certificant</Table.Th>
                    <Table.Th scope="col">Confirmation</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        {row.name}
                        {row.grade ? (
                          <Text span size="xs" c="dimmed" display="block">
                            grade {row.grade}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {[row.email, row.number].filter(Boolean).join(' · ')}
                      </Table.Td>
                      <Table.Td>{formatDay(row.completedOn)}</Table.Td>
                      <Table.Td>{formatNumber(row.hours)}</Table.Td>
                      <Table.Td>{row.matched ? 'Matched' : 'Not yet'}</Table.Td>
                      <Table.Td>
                        <Anchor
                          href={confirmationUrl(bodyId, offering.id, row.id)}
                          aria-label={`Confirmation of ${row.name} (PDF)`}
                        >
                          PDF
                        </Anchor>
                        <Text span size="xs" c="dimmed" display="block">
                          {row.confirmationIssuedAt ? `issued ${formatDateTime(row.confirmationIssuedAt)}` : 'not issued yet'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** One approved offering: what was approved, its code and validity, and its attendance (opened on demand). */
function OfferingCard(props: { bodyId: string; offering: Offering; expanded: boolean; onToggle: () => void }) {
  const { bodyId, offering, expanded } = props;
  const title = offering.title || offering.approvalCode;
  const headingId = `offering-${offering.id}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            <Text size="sm">{offeringSummary(offering)}</Text>
          </div>
          <Badge color="teal" variant="filled" tt="none" size="lg">
            {offering.approvalCode}
          </Badge>
        </Group>
        <Text size="sm">
          Approval code <strong>{offering.approvalCode}</strong>, valid from {formatDay(offering.validFrom)} to{' '}
          {formatDay(offering.validUntil)}. {attendanceCount(offering.attendance)}
        </Text>
        {offering.withdrawnAt && (
          <Alert color="orange" variant="light" title={`Withdrawn on ${formatDateTime(offering.withdrawnAt)}`}>
            The offering is off the public calendar, and its approval code does not count for activities completed from that day
            on.
          </Alert>
        )}
        <Group>
          <Button
            variant={expanded ? 'default' : 'light'}
            aria-expanded={expanded}
            aria-controls={`attendance-${offering.id}`}
            onClick={props.onToggle}
          >
            {expanded ? 'Hide attendance' : `Attendance of ${title}`}
          </Button>
        </Group>
        <div id={`attendance-${offering.id}`} hidden={!expanded}>
          {expanded && <Attendance bodyId={bodyId} offering={{ ...offering, title }} />}
        </div>
      </Stack>
    </Card>
  );
}

/** A provider's approved offerings with their approval codes, attendance reporting and confirmations, and its API key. */
export function ProviderOfferingsPage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  const providerId = providerIdIn(me, bodyId);
  const offerings = useQuery({ ...offeringsQuery(bodyId, providerId ?? ''), enabled: providerId !== null });
  const [open, setOpen] = useState<string | null>(null);

  if (providerId === null)
    return (
      <NotAProvider title="Offerings" bodyId={bodyId}>
        Register a provider to offer pre-approved continuing education with {bodyNameOf(me, bodyId)}.
      </NotAProvider>
    );

  const list = offerings.data ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Offerings
        </Title>
        <Text size="sm" c="dimmed">
          Your offerings approved by {bodyNameOf(me, bodyId)}. Report each one&apos;s attendance: matched attendees find the
          credit on their transcript, counted as approved, with their confirmation of completion.
        </Text>
      </div>
      <QueryState query={offerings} what="the offerings" />
      {offerings.data && list.length === 0 && (
        <Text size="sm">No approved offering yet: an application, once approved, appears here with its approval code.</Text>
      )}
      {list.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Approved offerings">
          {list.map((offering) => (
            <OfferingCard
              key={offering.id}
              bodyId={bodyId}
              offering={offering}
              expanded={open === offering.id}
              onToggle={() => setOpen(open === offering.id ? null : offering.id)}
            />
          ))}
        </Stack>
      )}
      <ApiKeyCard bodyId={bodyId} providerId={providerId} />
    </Stack>
  );
}
