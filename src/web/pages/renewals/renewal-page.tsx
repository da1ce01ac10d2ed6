import { Alert, Button, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { invalidateRenewals, renewalOptionsQuery, submitRenewal, type RenewalOptions } from '../../api/renewals';
import { formatMoney } from '../../billing/money';
import { Fact } from '../../components/facts';
import { ProblemAlert } from '../../components/problem-alert';
import { QueryState } from '../../components/query-state';
import { SectionCard } from '../../components/section-card';
import { StatusAlert, useStatus } from '../../components/status';
import { STATUS_BADGES, type Status } from '../../components/status-badges';
import { amount, formatDay } from '../../format';
import { ApplicationSummary } from './application-summary';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/renewals/$certificationId');

/**
 * A certificant renews one certification: the window and fees, the cycle's
 * activities (those the engine credits ticked), the code of ethics in full to
 * attest, and the applications so far with their invoices.
 */
export function RenewalPage() {
  const { bodyId, personId, certificationId } = route.useParams();
  const options = useQuery(renewalOptionsQuery(bodyId, personId, certificationId));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Renewal{options.data ? ` of ${options.data.designation}` : ''}
      </Title>
      <QueryState query={options} what="the renewal" height={160} count={2} />
      {options.data && <RenewalDetails key={options.data.asOf} options={options.data} bodyId={bodyId} personId={personId} />}
    </Stack>
  );
}

function RenewalDetails({ options, bodyId, personId }: { options: RenewalOptions; bodyId: string; personId: string }) {
  const queryClient = useQueryClient();
  const status = useStatus();
  const open = options.applications.find((row) => row.state === 'submitted' && row.cycle.start === options.cycle.start);
  const approved = options.applications.find((row) => row.state === 'approved' && row.cycle.start === options.cycle.start);
  const [picked, setPicked] = useState(() => new Set(options.activities.filter((a) => a.selected).map((a) => a.id)));
  const [attested, setAttested] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      submitRenewal(bodyId, personId, options.certificationId, { activityIds: [...picked], ethicsAttested: attested }),
    onMutate: () => status.clear(),
    onSuccess: async (renewal) => {
      await invalidateRenewals(queryClient, bodyId);
      status.show(`Your application was submitted${renewal.invoice ? `: invoice ${renewal.invoice.number}` : ''}.`);
    },
  });
  const badge = STATUS_BADGES[options.status as Status];
  const credits = options.activities.filter((a) => picked.has(a.id)).reduce((sum, a) => sum + a.credits, 0);
  const canSubmit = options.quote.accepted && !open && !approved;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit.mutate();
  }

  return (
    <Stack gap="lg">
      <StatusAlert status={status} />
      <SectionCard id="window" title="Where it stands">
        <Stack component="dl" gap={4} m={0}>
          <Fact term="Status">{badge?.label ?? options.status}</Fact>
          <Fact term="Cycle">
            {formatDay(options.cycle.start)} to {formatDay(options.cycle.end)}
          </Fact>
          <Fact term="Application">
            {options.window.opens
              ? `opens ${formatDay(options.window.opens)}`
              : 'no window: renews by itself at the cycle end when met'}
          </Fact>
          <Fact term="Due">
            {formatDay(options.window.extendedTo ?? options.window.due)}
            {options.window.extendedTo ? ` (extended from ${formatDay(options.window.due)})` : ''}
          </Fact>
          {options.window.lateUntil && <Fact term="Late until">{formatDay(options.window.lateUntil)}</Fact>}
          {options.window.graceUntil && <Fact term="Reinstate until">{formatDay(options.window.graceUntil)}</Fact>}
          <Fact term="Fees today">
            {options.quote.accepted
              ? options.quote.lines
                  .map(
                    (line) =>
                      `${line.label}: ${formatMoney(line.cents, options.quote.accepted ? options.quote.currency : 'USD')}`,
                  )
                  .join(' · ')
              : options.quote.explanation}
          </Fact>
        </Stack>
        {options.quote.accepted && options.quote.notes.length > 0 && (
          <Text size="xs" c="dimmed">
            {options.quote.notes.join(' ')}
          </Text>
        )}
      </SectionCard>

      {options.applications.length > 0 && (
        <SectionCard id="applications" title="Applications">
          {options.applications.map((renewal) => (
            <ApplicationSummary key={renewal.id} renewal={renewal} />
          ))}
        </SectionCard>
      )}

      <form onSubmit={onSubmit} noValidate>
        <SectionCard id="apply" title="Apply to renew">
          {!canSubmit && options.refusals.length > 0 && (
            <Alert color="yellow" title="You cannot submit now">
              <List size="sm">
                {options.refusals.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm">
            Choose the activities to submit. Required: {amount(options.required.total, options.unit)}
            {Object.entries(options.required.minimums).map(([key, value]) => `, at least ${amount(value, options.unit)} ${key}`)}.
            Chosen: {amount(credits, options.unit)}.
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Submit</Table.Th>
                  <Table.Th>Activity</Table.Th>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Credit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {options.activities.map((activity) => (
                  <Table.Tr key={activity.id}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Submit ${activity.title}`}
                        checked={picked.has(activity.id)}
                        disabled={!canSubmit}
                        onChange={(event) => {
                          const next = new Set(picked);
                          if (event.currentTarget.checked) next.add(activity.id);
                          else next.delete(activity.id);
                          setPicked(next);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{activity.title}</Table.Td>
                    <Table.Td>{formatDay(activity.startDate)}</Table.Td>
                    <Table.Td>
                      {amount(activity.credits, options.unit)}
                      {activity.explanation && (
                        <Text size="xs" c="dimmed">
                          {activity.explanation}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {options.ethics ? (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {options.ethics.title}
              </Title>
              <List type="ordered" size="sm">
                {options.ethics.tenets.map((tenet) => (
                  <List.Item key={tenet}>{tenet}</List.Item>
                ))}
              </List>
              <Checkbox
                label={`I subscribe to the ${options.ethics.title}`}
                checked={attested}
                disabled={!canSubmit}
                onChange={(event) => setAttested(event.currentTarget.checked)}
              />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {options.ethicsNote}
            </Text>
          )}
          <ProblemAlert error={submit.error} title="The application was not submitted" />
          <Group>
            <Button type="submit" disabled={!canSubmit || (options.ethics !== null && !attested)} loading={submit.isPending}>
              Submit application
            </Button>
          </Group>
        </SectionCard>
      </form>
    </Stack>
  );
}
