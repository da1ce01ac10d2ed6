import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { payByPayLink, payLinkQuery } from '../../api/billing';
import { isApiError } from '../../api/client';
import { CardPaymentForm } from '../../billing/card-payment-form';
import { InvoiceLines, InvoiceStatusBadge } from '../../billing/invoice-lines';
import { formatMoney } from '../../billing/money';
import { QueryState } from '../../components/query-state';
import { formatDay } from '../../format';
import { PublicLayout } from '../../layout/public-layout';

const route = getRouteApi('/pay/$bodyId/$token');

/**
 * The pay link a certificant gives their employer: the invoice and what is owed, paid by card
 * without signing in. It shows nothing else about the person.
 */
export function PayPage() {
  const { bodyId, token } = route.useParams();
  const queryClient = useQueryClient();
  const query = useQuery(payLinkQuery(bodyId, token));
  const [paid, setPaid] = useState<string | null>(null);
  const view = query.data;
  return (
    <PublicLayout maw={720}>
      <Stack gap="lg">
        {isApiError(query.error, 404) ? (
          <Alert color="red" title="This pay link is not valid" role="alert">
            Check that the whole link was copied, or ask the certificant for a new one.
          </Alert>
        ) : (
          <QueryState query={query} what="the invoice" />
        )}
        {view && (
          <>
            <div>
              <Title order={1} size="h2">
                Pay invoice {view.number}
              </Title>
              <Text size="sm" c="dimmed">
                {view.bodyName}, issued {formatDay(view.issuedOn)} to {view.personName}
              </Text>
            </div>
            <Card withBorder padding="lg">
              <Stack gap="sm">
                <InvoiceStatusBadge status={view.status} />
                <InvoiceLines
                  currency={view.currency}
                  lines={view.lines}
                  credits={view.credits}
                  totalCents={view.totalCents}
                  paidCents={view.paidCents}
                  balanceCents={view.balanceCents}
                />
              </Stack>
            </Card>
            <div role="status" aria-live="polite">
              {paid && (
                <Alert color="green" title="Thank you">
                  {paid}
                </Alert>
              )}
            </div>
            {view.balanceCents > 0 && (
              <Card withBorder padding="lg" component="section" aria-labelledby="pay-heading">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="pay-heading">
                    Pay by card for {view.personName}
                  </Title>
                  <CardPaymentForm
                    key={view.balanceCents}
                    employer
                    currency={view.currency}
                    balanceCents={view.balanceCents}
                    pay={async (body) => {
                      const { organisation = '', ...rest } = body;
                      const next = await payByPayLink(bodyId, token, { ...rest, organisation });
                      queryClient.setQueryData(payLinkQuery(bodyId, token).queryKey, next);
                      return next;
                    }}
                    onPaid={(cents) => setPaid(`${formatMoney(cents, view.currency)} paid on invoice ${view.number}.`)}
                  />
                </Stack>
              </Card>
            )}
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
