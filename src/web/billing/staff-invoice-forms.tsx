import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CheckPaymentInput, CreditInput, InvoiceView } from '../api/billing';
import { ProblemAlert } from '../components/problem-alert';
import { fieldIssue } from '../forms';
import { centsFrom, formatMoney } from './money';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Staff record a check received: its number, amount, the date written on it, when it came, and who sent it. */
export function RecordCheckForm(props: {
  invoice: InvoiceView;
  record: (body: CheckPaymentInput) => Promise<unknown>;
  onDone: () => void;
}) {
  const { invoice } = props;
  const [form, setForm] = useState({
    checkNumber: '',
    amount: '',
    writtenOn: '',
    receivedOn: '',
    payerKind: 'person',
    payerName: invoice.personName,
  });
  const [local, setLocal] = useState<Partial<Record<keyof CheckPaymentInput, string>>>({});
  const mutation = useMutation({ mutationFn: props.record, onSuccess: props.onDone });
  const issue = (field: keyof CheckPaymentInput) => local[field] ?? fieldIssue(mutation.error, field);
  const set = (name: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((current) => ({ ...current, [name]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsFrom(form.amount);
    const problems = {
      checkNumber: form.checkNumber.trim() ? undefined : 'Give the number printed on the check',
      cents: cents === null || cents <= 0 ? 'Give the amount, such as 250.00' : undefined,
      writtenOn: DATE.test(form.writtenOn) ? undefined : 'Give the date written on the check',
      receivedOn: form.receivedOn === '' || DATE.test(form.receivedOn) ? undefined : 'Give a date, or leave it for today',
      payerName: form.payerName.trim() ? undefined : 'Give who wrote the check',
    };
    setLocal(problems);
    if (Object.values(problems).some(Boolean) || cents === null) return;
    mutation.mutate({
      checkNumber: form.checkNumber.trim(),
      cents,
      writtenOn: form.writtenOn,
      ...(form.receivedOn ? { receivedOn: form.receivedOn } : {}),
      payerKind: form.payerKind as CheckPaymentInput['payerKind'],
      payerName: form.payerName.trim(),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record a check">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Check number"
            value={form.checkNumber}
            onChange={set('checkNumber')}
            error={issue('checkNumber')}
            maxLength={32}
            required
            miw="10rem"
          />
          <TextInput
            label={`Amount (${invoice.currency})`}
            description={`Owed: ${formatMoney(invoice.balanceCents, invoice.currency)}`}
            inputMode="decimal"
            value={form.amount}
            onChange={set('amount')}
            error={issue('cents')}
            required
            miw="10rem"
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label="Date written on the check"
            description={invoice.onTimeThrough ? `On or before ${invoice.onTimeThrough} counts as on time` : undefined}
            value={form.writtenOn}
            onChange={set('writtenOn')}
            error={issue('writtenOn')}
            required
            miw="10rem"
          />
          <TextInput
            type="date"
            label="Received on"
            description="Leave empty for today"
            value={form.receivedOn}
            onChange={set('receivedOn')}
            error={issue('receivedOn')}
            miw="10rem"
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label="Paid by"
            value={form.payerKind}
            onChange={set('payerKind')}
            data={[
              { value: 'person', label: 'The certificant' },
              { value: 'employer', label: 'An employer' },
            ]}
            miw="10rem"
          />
          <TextInput
            label="Name on the check"
            value={form.payerName}
            onChange={set('payerName')}
            error={issue('payerName')}
            maxLength={200}
            required
            miw="10rem"
          />
        </Group>
        <ProblemAlert error={mutation.error} title="The check was not recorded" withIssues={false} />
        <Button type="submit" loading={mutation.isPending} w="fit-content">
          Record the check
        </Button>
      </Stack>
    </form>
  );
}

/** Admins credit an invoice (a waiver, or a refund of what was paid) with the reason. */
export function CreditForm(props: { invoice: InvoiceView; credit: (body: CreditInput) => Promise<unknown>; onDone: () => void }) {
  const { invoice } = props;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Partial<Record<keyof CreditInput, string>>>({});
  const mutation = useMutation({ mutationFn: props.credit, onSuccess: props.onDone });
  const issue = (field: keyof CreditInput) => local[field] ?? fieldIssue(mutation.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsFrom(amount);
    const problems = {
      cents: cents === null || cents <= 0 ? 'Give the amount, such as 50.00' : undefined,
      reason: reason.trim() ? undefined : 'Say why: a waiver, a refund, a correction',
    };
    setLocal(problems);
    if (problems.cents || problems.reason || cents === null) return;
    mutation.mutate({ cents, reason: reason.trim() });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Credit the invoice">
      <Stack gap="sm">
        <TextInput
          label={`Credit (${invoice.currency})`}
          description={`At most ${formatMoney(invoice.creditableCents, invoice.currency)}; more than is owed is a refund of what was paid`}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={issue('cents')}
          required
          w={{ base: '100%', xs: '16rem' }}
        />
        <Textarea
          label="Reason"
          description="Kept in the invoice's history and the audit log"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={issue('reason')}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
        <ProblemAlert error={mutation.error} title="The credit was not given" withIssues={false} />
        <Button type="submit" color="orange" loading={mutation.isPending} w="fit-content">
          Credit the invoice
        </Button>
      </Stack>
    </form>
  );
}
