import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { RenewalView } from '../../api/renewals';
import { formatMoney } from '../../billing/money';
import { AnchorLink } from '../../components/links';
import { formatDay, formatNumber } from '../../format';

export const STATE_BADGES: Record<RenewalView['state'], { label: string; color: string }> = {
  submitted: { label: 'In review', color: 'cyan' },
  returned: { label: 'Returned', color: 'orange' },
  approved: { label: 'Approved', color: 'green' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

const PHASES: Record<RenewalView['phase'], string> = {
  'on-time': 'on time',
  late: 'late (late fee)',
  grace: 'reinstatement (lapsed, within grace)',
};

/** Why an application is audited, in words. */
export function auditWords(renewal: RenewalView): string | null {
  if (!renewal.auditSelected) return null;
  const draw = renewal.auditDraw;
  if (draw?.rule === 'reinstatement') return 'Audited: a reinstatement needs documentation of all CE earned.';
  if (draw?.rule === 'extension') return 'Audited: a renewal after an extension is always audited.';
  return `Audited: drawn at random (value ${draw?.value?.toFixed(4) ?? '?'} below the share ${formatNumber((draw?.share ?? 0) * 100)}%, seed ${draw?.seed ?? '?'}).`;
}

/** One application: state, phase, dates, invoice, audit, and the reasons when returned. */
export function ApplicationSummary({ renewal }: { renewal: RenewalView }) {
  const badge = STATE_BADGES[renewal.state];
  const audit = auditWords(renewal);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={badge.color} tt="none">
          {badge.label}
        </Badge>
        {renewal.automatic && (
          <Badge color="gray" variant="light" tt="none">
            Automatic
          </Badge>
        )}
        {renewal.auditSelected && (
          <Badge color="grape" variant="light" tt="none">
            Audit
          </Badge>
        )}
        <Text size="sm">
          Submitted {formatDay(renewal.submittedOn)}, {PHASES[renewal.phase]}, for the cycle ending {formatDay(renewal.cycle.end)}
        </Text>
      </Group>
      {renewal.invoice && (
        <Text size="sm">
          Invoice{' '}
          <AnchorLink to="/bodies/$bodyId/invoices/$invoiceId" params={{ bodyId: renewal.bodyId, invoiceId: renewal.invoice.id }}>
            {renewal.invoice.number}
          </AnchorLink>{' '}
          · {formatMoney(renewal.invoice.totalCents, renewal.invoice.currency)} ·{' '}
          {renewal.invoice.paidOn ? `paid ${formatDay(renewal.invoice.paidOn)}` : 'not paid yet'}
          {!renewal.paid && renewal.invoice.paidOn ? ' (another invoice of this cycle is unpaid)' : ''}
        </Text>
      )}
      {audit && <Text size="sm">{audit}</Text>}
      {renewal.state === 'approved' && renewal.renewedThrough && (
        <Text size="sm">Renewed through {formatDay(renewal.renewedThrough)}.</Text>
      )}
      {renewal.decisionReasons.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            Reasons given:
          </Text>
          <List size="sm">
            {renewal.decisionReasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
