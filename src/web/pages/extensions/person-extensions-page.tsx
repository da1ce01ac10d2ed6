import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { personExtensionsQuery, type ExtensionTerms, type ExtensionView } from '../../api/extensions';
import { formatFee } from './fee';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { StatusAlert, useStatus } from '../../components/status';
import { formatDateTime, formatDay, formatNumber } from '../../format';
import { useSession } from '../../layout/session-context';
import { isAdminIn, personIdIn } from '../../session';
import { ExtensionRequestForm } from './extension-request-form';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/extensions');

export const EXTENSION_STATE_COLORS: Record<ExtensionView['state'], string> = {
  requested: 'blue',
  granted: 'green',
  refused: 'red',
  withdrawn: 'gray',
};

/** One request: its state, evidence, fee and decision. */
export function ExtensionSummary({ extension }: { extension: ExtensionView }) {
  const { invoice } = extension;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={EXTENSION_STATE_COLORS[extension.state]} tt="none">
          {extension.state}
        </Badge>
        <Text size="sm">
          {extension.designation}, cycle {formatDay(extension.cycle.start)} to {formatDay(extension.cycle.end)}: due{' '}
          {formatDay(extension.newDue)} once granted
        </Text>
      </Group>
      <Text size="sm">
        Requested {formatDateTime(extension.requestedAt)} · certificates for {formatNumber(extension.evidencedCredits)}
        {extension.neededCredits !== null ? ` of the ${formatNumber(extension.neededCredits)} credits needed` : ' credits'}
      </Text>
      {invoice && (
        <Text size="sm">
          Fee: invoice {invoice.number}, {formatFee(invoice.totalCents, invoice.currency)},{' '}
          {invoice.paidOn ? `paid ${formatDay(invoice.paidOn)}` : 'not paid yet'}
        </Text>
      )}
      {extension.note && <Text size="sm">Note: {extension.note}</Text>}
      {extension.decidedAt && (
        <Text size="sm">
          Decided {formatDateTime(extension.decidedAt)}
          {extension.decisionReason ? `: ${extension.decisionReason}` : ''}
        </Text>
      )}
    </Stack>
  );
}

function TermsCard(props: {
  bodyId: string;
  personId: string;
  terms: ExtensionTerms;
  canRequest: boolean;
  onDone: (m: string) => void;
}) {
  const { terms } = props;
  const headingId = `terms-${terms.program}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {terms.designation}
        </Title>
        {!terms.offered ? (
          <Text size="sm">{terms.reason}</Text>
        ) : (
          <>
            <Text size="sm">
              Renewal due {formatDay(terms.due)}. An extension moves it to {formatDay(terms.newDue ?? terms.due)}; request it by{' '}
              {terms.requestByText}, with certificates for at least {formatNumber(terms.neededCredits ?? 0)} of the{' '}
              {formatNumber(terms.requiredCredits)} credits required
              {terms.feeCents !== null ? ` and the fee of ${formatFee(terms.feeCents, terms.currency)}` : ''}.
            </Text>
            {!terms.open && (
              <Text size="sm" fw={500}>
                Not possible now: {terms.reason}.
              </Text>
            )}
            {terms.open && props.canRequest && (
              <ExtensionRequestForm bodyId={props.bodyId} personId={props.personId} terms={terms} onDone={props.onDone} />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** A person's extensions: the terms for each certification, the request form, and the requests made. */
export function PersonExtensionsPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const canRequest = personIdIn(me, bodyId) === personId || isAdminIn(me, bodyId);
  const query = useQuery(personExtensionsQuery(bodyId, personId));
  const status = useStatus();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Extensions
        </Title>
        <Text size="sm" c="dimmed">
          More time to renew, with certificates for part of the credit.{' '}
          <AnchorLink to="/bodies/$bodyId/people/$personId/activities" params={{ bodyId, personId }}>
            Upload certificates on the activities page
          </AnchorLink>
          .
        </Text>
        <StatusAlert status={status} mt="md" />
      </div>
      <QueryState query={query} what="the extensions" />
      {query.data?.terms.map((terms) => (
        <TermsCard
          key={terms.program}
          bodyId={bodyId}
          personId={personId}
          terms={terms}
          canRequest={canRequest}
          onDone={status.show}
        />
      ))}
      {query.data && query.data.extensions.length > 0 && (
        <Stack gap="sm" component="section" aria-label="Requests">
          <Title order={2} size="h4">
            Requests
          </Title>
          {query.data.extensions.map((extension) => (
            <Card key={extension.id} withBorder padding="sm">
              <ExtensionSummary extension={extension} />
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
