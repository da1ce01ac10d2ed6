import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { personInvoicesQuery } from '../../api/billing';
import { InvoiceStatusBadge } from '../../billing/invoice-lines';
import { formatMoney } from '../../billing/money';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { TableCard } from '../../components/table-card';
import { capitalize, formatDay } from '../../format';
import { useSession } from '../../layout/session-context';
import { personIdIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/invoices');

/** A certificant's invoices (their own page, or staff looking at theirs): each leads to paying it. */
export function InvoicesPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  const invoices = useQuery(personInvoicesQuery(bodyId, personId));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {own ? 'My invoices' : 'Invoices'}
        </Title>
        <Text size="sm" c="dimmed">
          Renewal and extension fees. Open an invoice to pay it by card or to copy a link your employer can pay it with.
        </Text>
      </div>
      <QueryState query={invoices} what="the invoices" count={2} height={60} />
      {invoices.data && (
        <TableCard
          minWidth={640}
          look="links"
          caption={invoices.data.length === 0 ? 'No invoices yet' : `${invoices.data.length} invoices, newest first`}
          columns={['Invoice', 'For', 'Issued', 'Total', 'Owed', 'Status']}
        >
          {invoices.data.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/invoices/$invoiceId" params={{ bodyId, invoiceId: invoice.id }}>
                  {invoice.number}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{capitalize(invoice.subject)}</Table.Td>
              <Table.Td>{formatDay(invoice.issuedOn)}</Table.Td>
              <Table.Td>{formatMoney(invoice.totalCents, invoice.currency)}</Table.Td>
              <Table.Td>{formatMoney(Math.max(invoice.balanceCents, 0), invoice.currency)}</Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={invoice.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </TableCard>
      )}
    </Stack>
  );
}
