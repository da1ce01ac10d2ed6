import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApplicationView } from '../api/applications';
import { formatDateTime, formatDay, formatNumber, words } from '../format';
import { clockText, STATUS_COLORS, STATUS_LABELS } from '../providers/application-form';
import { OUTCOME_LABELS } from '../providers/decision-form';
import { StatusAlert, type StatusMessage } from './status';
import { WrappingBadge } from './wrapping-badge';

export function StatusBadge({ status }: { status: ApplicationView['status'] }) {
  return (
    <WrappingBadge color={STATUS_COLORS[status]} size="lg">
      {STATUS_LABELS[status]}
    </WrappingBadge>
  );
}

/** Where an application stands: status, version, the decision clock, the decision in words and the approval it gave. */
export function ApplicationStatus({ application }: { application: ApplicationView }) {
  const clock = clockText(application, formatDay);
  const { decision, offering } = application;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <StatusBadge status={application.status} />
        {application.version > 0 && (
          <Text size="sm" c="dimmed">
            Version {application.version}
            {application.firstSubmittedAt ? `, first submitted ${formatDateTime(application.firstSubmittedAt)}` : ''}
          </Text>
        )}
      </Group>
      {clock && (
        <Text size="sm" fw={application.overdue ? 600 : undefined} c={application.overdue ? 'red.8' : undefined}>
          {clock}
        </Text>
      )}
      {decision && (
        <Alert
          color={decision.outcome === 'reject' ? 'red' : decision.outcome === 'more-information' ? 'yellow' : 'green'}
          variant="light"
          title={`${OUTCOME_LABELS[decision.outcome]} (${formatDateTime(decision.at)})`}
        >
          <Stack gap={4}>
            {decision.hours !== undefined && (
              <Text size="sm">
                Approved for {formatNumber(decision.hours)} {decision.hours === 1 ? 'hour' : 'hours'}
                {decision.categories && decision.categories.length > 0
                  ? `, categories ${decision.categories.map(words).join(', ')}`
                  : ''}
                .
              </Text>
            )}
            {decision.changesRequired && <Text size="sm">Changes required: {decision.changesRequired}</Text>}
            {decision.questions && <Text size="sm">Questions: {decision.questions}</Text>}
            {decision.reasons && <Text size="sm">Reasons: {decision.reasons}</Text>}
            {decision.comment && <Text size="sm">Comment: {decision.comment}</Text>}
          </Stack>
        </Alert>
      )}
      {offering && (
        <Text size="sm">
          Approval code <strong>{offering.approvalCode}</strong>, valid from {formatDay(offering.validFrom)} to{' '}
          {formatDay(offering.validUntil)}.
        </Text>
      )}
    </Stack>
  );
}

/** The top of an application's page (the provider's, or staff's): its title, by whom, what just happened, and where it stands. */
export function ApplicationHeader(props: { application: ApplicationView; byline: ReactNode; status: StatusMessage }) {
  const { application } = props;
  return (
    <>
      <div>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {application.title || 'Untitled application'}
        </Title>
        <Text size="sm" c="dimmed">
          {props.byline}
        </Text>
      </div>
      <StatusAlert status={props.status} />
      <ApplicationStatus application={application} />
    </>
  );
}
