import { Badge, Table } from '@mantine/core';
import type { InvoiceSummary } from '../api/billing';
import { formatMoney, STATUS_WORDS } from './money';

/** An invoice's status as a badge. */
export function InvoiceStatusBadge({ status }: { status: InvoiceSummary['status'] }) {
  const { label, color } = STATUS_WORDS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

/** What the invoice charges, what was credited and paid, and what is owed: the printed invoice's table. */
export function InvoiceLines(props: {
  currency: string;
  lines: { label: string; cents: number }[];
  credits: { label: string; cents: number }[];
  totalCents: number;
  paidCents: number;
  balanceCents: number;
}) {
  const money = (cents: number) => formatMoney(cents, props.currency);
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col" ta="right">
              Amount
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lines.map((line, index) => (
            <Table.Tr key={`line-${index}`}>
              <Table.Td>{line.label}</Table.Td>
              <Table.Td ta="right">{money(line.cents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td ta="right" fw={600}>
              {money(props.totalCents)}
            </Table.Td>
          </Table.Tr>
          {props.credits.map((credit, index) => (
            <Table.Tr key={`credit-${index}`}>
              <Table.Td>{credit.label}</Table.Td>
              <Table.Td ta="right">{money(-credit.cents)}</Table.Td>
            </Table.Tr>
          ))}
          {props.paidCents > 0 && (
            <Table.Tr>
              <Table.Td>Paid</Table.Td>
              <Table.Td ta="right">{money(-props.paidCents)}</Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th scope="row">{props.balanceCents < 0 ? 'To refund' : 'Owed'}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {money(Math.abs(props.balanceCents))}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
