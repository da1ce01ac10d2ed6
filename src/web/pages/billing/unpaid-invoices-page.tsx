import { SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { invoiceListQuery } from '../../api/billing';
import { InvoiceStatusBadge } from '../../billing/invoice-lines';
import { formatMoney } from '../../billing/money';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { TableCard } from '../../components/table-card';
import { capitalize, formatDay } from '../../format';

const route = getRouteApi('/_app/bodies/$bodyId/invoices');

/** Staff: the body's invoices not yet paid (or the paid ones, or all), the longest waiting first. */
export function UnpaidInvoicesPage() {
  const { bodyId } = route.useParams();
  const status = route.useSearch().status ?? 'unpaid';
  const navigate = useNavigate();
  const list = useQuery(invoiceListQuery(bodyId, status));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Invoices
        </Title>
        <Text size="sm" c="dimmed">
          Open an invoice to record a check or credit it.
        </Text>
      </div>
      <SegmentedControl
        aria-label="Which invoices"
        w="fit-content"
        value={status}
        onChange={(next) =>
          void navigate({ to: '.', search: next === 'paid' || next === 'all' ? { status: next } : {}, replace: true })
        }
        data={[
          { value: 'unpaid', label: 'Unpaid' },
          { value: 'paid', label: 'Paid' },
          { value: 'all', label: 'All' },
        ]}
      />
      <QueryState query={list} what="the invoices" count={3} height={48} />
      {list.data && (
        <TableCard
          minWidth={760}
          look="links"
          caption={
            list.data.invoices.length === 0
              ? `No ${status === 'all' ? '' : status} invoices`
              : `${list.data.invoices.length} invoices, oldest first${list.data.truncated ? ' (the first 500 only)' : ''}`
          }
          columns={['Invoice', 'Certificant', 'For', 'Issued', 'Owed', 'Status']}
        >
          {list.data.invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/invoices/$invoiceId" params={{ bodyId, invoiceId: invoice.id }}>
                  {invoice.number}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: invoice.personId }}>
                  {invoice.personName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{capitalize(invoice.subject)}</Table.Td>
              <Table.Td>{formatDay(invoice.issuedOn)}</Table.Td>
              <Table.Td>{formatMoney(invoice.balanceCents, invoice.currency)}</Table.Td>
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
