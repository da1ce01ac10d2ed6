import { Button, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  creditInvoice,
  invalidateInvoices,
  invoiceQuery,
  payInvoiceByCard,
  recordCheck,
  type InvoiceView,
} from '../../api/billing';
import { CardPaymentForm } from '../../billing/card-payment-form';
import { InvoiceLines, InvoiceStatusBadge } from '../../billing/invoice-lines';
import { formatMoney, payLinkUrl } from '../../billing/money';
import { CreditForm, RecordCheckForm } from '../../billing/staff-invoice-forms';
import { Fact } from '../../components/facts';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { SectionCard } from '../../components/section-card';
import { StatusAlert, useStatus } from '../../components/status';
import { TableCard } from '../../components/table-card';
import { capitalize, formatDateTime, formatDay } from '../../format';
import { useSession } from '../../layout/session-context';
import { isAdminIn, personIdIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/invoices/$invoiceId');

function lineLabel(invoice: InvoiceView, code: string | null): string {
  const line = code ? invoice.lines.find((entry) => entry.code === code) : undefined;
  return line ? `Credit: ${line.label}` : 'Credit';
}

function PaymentHistory({ invoice }: { invoice: InvoiceView }) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <TableCard
      minWidth={720}
      look="striped"
      caption={invoice.payments.length + invoice.credits.length === 0 ? 'No payments or credits yet' : 'Payments and credits'}
      columns={['Date', 'What', 'By', 'Amount']}
    >
      {invoice.payments.map((payment) => (
        <Table.Tr key={payment.id}>
          <Table.Td>{formatDay(payment.receivedOn)}</Table.Td>
          <Table.Td>
            {payment.method === 'check'
              ? `Check ${payment.checkNumber}, dated ${formatDay(payment.checkWrittenOn ?? '')}`
              : `Card: ${payment.cardBrand} ending ${payment.cardLast4}`}
          </Table.Td>
          <Table.Td>
            {payment.payerName}
            {payment.payerKind === 'employer' ? ' (employer)' : ''}
          </Table.Td>
          <Table.Td>{money(payment.cents)}</Table.Td>
        </Table.Tr>
      ))}
      {invoice.credits.map((credit) => (
        <Table.Tr key={credit.id}>
          <Table.Td>{formatDateTime(credit.at)}</Table.Td>
          <Table.Td>
            {lineLabel(invoice, credit.lineCode)}. {credit.reason}
          </Table.Td>
          <Table.Td>{credit.byUserId ? 'Staff' : 'The on-time check rule'}</Table.Td>
          <Table.Td>{money(-credit.cents)}</Table.Td>
        </Table.Tr>
      ))}
    </TableCard>
  );
}

/**
 * One invoice: what it charges and what is owed; the certificant pays it by card or copies the link
 * their employer pays it with; admins record checks and give credits.
 */
export function InvoicePage() {
  const { bodyId, invoiceId } = route.useParams();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const status = useStatus();
  const query = useQuery(invoiceQuery(bodyId, invoiceId));
  const invoice = query.data;
  const admin = isAdminIn(me, bodyId);
  const own = invoice !== undefined && personIdIn(me, bodyId) === invoice.personId;
  const done = (message: string) => {
    void invalidateInvoices(queryClient, bodyId);
    status.show(message);
  };

  return (
    <Stack gap="lg">
      <QueryState query={query} what="the invoice" />
      {invoice && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={1} size="h2">
                Invoice {invoice.number}
              </Title>
              <Text size="sm" c="dimmed">
                {capitalize(invoice.subject)} fee for{' '}
                <AnchorLink to="/bodies/$bodyId/people/$personId/invoices" params={{ bodyId, personId: invoice.personId }}>
                  {invoice.personName}
                </AnchorLink>
              </Text>
            </div>
            <InvoiceStatusBadge status={invoice.status} />
          </Group>
          <StatusAlert status={status} />
          <SectionCard id="invoice" title="What is owed">
            <Stack component="dl" gap={4} m={0}>
              <Fact term="Issued">{formatDay(invoice.issuedOn)}</Fact>
              {invoice.paidOn && <Fact term="Paid">{formatDay(invoice.paidOn)}</Fact>}
              {invoice.onTimeThrough && (
                <Fact term="Check rule">A check dated on or before {formatDay(invoice.onTimeThrough)} counts as on time</Fact>
              )}
            </Stack>
            <InvoiceLines
              currency={invoice.currency}
              lines={invoice.lines}
              credits={invoice.credits.map((credit) => ({ label: lineLabel(invoice, credit.lineCode), cents: credit.cents }))}
              totalCents={invoice.totalCents}
              paidCents={invoice.paidCents}
              balanceCents={invoice.balanceCents}
            />
          </SectionCard>
          {invoice.balanceCents > 0 && (own || admin) && (
            <SectionCard id="pay" title="Pay by card">
              <CardPaymentForm
                key={invoice.balanceCents}
                currency={invoice.currency}
                balanceCents={invoice.balanceCents}
                pay={(body) => payInvoiceByCard(bodyId, invoiceId, body)}
                onPaid={(cents) => done(`Paid ${formatMoney(cents, invoice.currency)} by card.`)}
              />
            </SectionCard>
          )}
          {invoice.balanceCents > 0 && (
            <SectionCard id="employer" title="Your employer pays">
              <Text size="sm">
                Anyone with this link can see this invoice (its number, {invoice.personName}&apos;s name and the amounts) and pay
                it by card, without signing in. Give it only to whoever pays for you.
              </Text>
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label="Pay link"
                  readOnly
                  value={payLinkUrl(bodyId, invoice.payToken)}
                  onFocus={(event) => event.currentTarget.select()}
                  style={{ flex: '1 1 20rem' }}
                />
                <CopyButton value={payLinkUrl(bodyId, invoice.payToken)}>
                  {({ copied, copy }) => (
                    <Button variant="default" onClick={copy}>
                      {copied ? 'Copied' : 'Copy the link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </SectionCard>
          )}
          {admin && invoice.balanceCents > 0 && (
            <SectionCard id="check" title="Record a check">
              <RecordCheckForm
                key={`check-${invoice.paidCents}`}
                invoice={invoice}
                record={(body) => recordCheck(bodyId, invoiceId, body)}
                onDone={() => done('Check recorded.')}
              />
            </SectionCard>
          )}
          {admin && invoice.creditableCents > 0 && (
            <SectionCard id="credit" title="Credit the invoice">
              <CreditForm
                key={`credit-${invoice.creditedCents}`}
                invoice={invoice}
                credit={(body) => creditInvoice(bodyId, invoiceId, body)}
                onDone={() => done('Credit given.')}
              />
            </SectionCard>
          )}
          <PaymentHistory invoice={invoice} />
        </>
      )}
    </Stack>
  );
}
