import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CardPaymentInput } from '../api/billing';
import { isApiError } from '../api/client';
import { ProblemAlert } from '../components/problem-alert';
import { capitalize } from '../format';
import { cardFieldOf, centsFrom, formatMoney } from './money';

type Field = 'cents' | 'number' | 'expMonth' | 'expYear' | 'cvc' | 'holderName' | 'organisation';

/**
 * Pays what is owed (or part of it) by card. Each attempt carries its own idempotency key: a
 * request repeated after a lost answer pays once; after a refusal the next attempt gets a new key.
 */
export function CardPaymentForm(props: {
  currency: string;
  balanceCents: number;
  /** An employer paying through the pay link says who they are. */
  employer?: boolean;
  pay: (body: CardPaymentInput & { organisation?: string }) => Promise<unknown>;
  onPaid: (cents: number) => void;
}) {
  const { currency, balanceCents } = props;
  const [amount, setAmount] = useState((balanceCents / 100).toFixed(2));
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '', holderName: '' });
  const [organisation, setOrganisation] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const mutation = useMutation({
    mutationFn: (body: CardPaymentInput & { organisation?: string }) => props.pay(body),
    onSuccess: (_, body) => props.onPaid(body.cents ?? balanceCents),
    // A refusal ends the attempt: the next one is a new payment. After a server error the charge's fate is
    // unknown, so the retry keeps the key and the server charges at most once.
    onError: (error) => {
      if (isApiError(error) && error.status < 500) setKey(crypto.randomUUID());
    },
  });

  const serverIssue = (field: Field) => {
    const error = mutation.error;
    if (!isApiError(error)) return undefined;
    const issue = error.errors.find((e) => cardFieldOf(e.path) === field);
    return issue ? capitalize(issue.message) : undefined;
  };
  const issue = (field: Field) => local[field] ?? serverIssue(field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsFrom(amount);
    const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(card.expiry);
    const problems: Partial<Record<Field, string>> = {
      cents:
        cents === null || cents <= 0
          ? 'Give an amount such as 250.00'
          : cents > balanceCents
            ? `At most ${formatMoney(balanceCents, currency)}`
            : undefined,
      number: card.number.replace(/[\s-]/g, '').length < 12 ? 'Give the card number' : undefined,
      expMonth: expiry ? undefined : 'Give the expiry as MM/YY',
      cvc: /^\d{3,4}$/.test(card.cvc.trim()) ? undefined : 'Give the 3 or 4 digits on the card',
      holderName: card.holderName.trim() ? undefined : 'Give the name on the card',
      organisation: props.employer && !organisation.trim() ? 'Give the organisation paying' : undefined,
    };
    setLocal(problems);
    if (Object.values(problems).some(Boolean) || cents === null || !expiry) return;
    const year = Number(expiry[2]);
    mutation.mutate({
      cents,
      idempotencyKey: key,
      card: {
        number: card.number.trim(),
        expMonth: Number(expiry[1]),
        expYear: year < 100 ? 2000 + year : year,
        cvc: card.cvc.trim(),
        holderName: card.holderName.trim(),
      },
      ...(props.employer ? { organisation: organisation.trim() } : {}),
    });
  }

  const set = (name: keyof typeof card) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setCard((current) => ({ ...current, [name]: value }));
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Pay by card">
      <Stack gap="sm">
        {props.employer && (
          <TextInput
            label="Organisation paying"
            description="Shown on the receipt, e.g. the hospital or medical group"
            value={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.value)}
            error={issue('organisation')}
            maxLength={200}
            required
          />
        )}
        <TextInput
          label={`Amount (${currency})`}
          description={`What is owed: ${formatMoney(balanceCents, currency)}`}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={issue('cents')}
          w={{ base: '100%', xs: '14rem' }}
        />
        <TextInput
          label="Card number"
          inputMode="numeric"
          autoComplete="cc-number"
          value={card.number}
          onChange={set('number')}
          error={issue('number')}
          maxLength={23}
          required
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Expiry (MM/YY)"
            autoComplete="cc-exp"
            value={card.expiry}
            onChange={set('expiry')}
            error={issue('expMonth') ?? issue('expYear')}
            maxLength={7}
            required
            miw="8rem"
          />
          <TextInput
            label="Security code (CVC)"
            inputMode="numeric"
            autoComplete="cc-csc"
            value={card.cvc}
            onChange={set('cvc')}
            error={issue('cvc')}
            maxLength={4}
            required
            miw="8rem"
          />
        </Group>
        <TextInput
          label="Name on the card"
          autoComplete="cc-name"
          value={card.holderName}
          onChange={set('holderName')}
          error={issue('holderName')}
          maxLength={200}
          required
        />
        {mutation.error && !isApiError(mutation.error, 400) ? (
          <ProblemAlert error={mutation.error} title="The payment did not go through" />
        ) : null}
        {isApiError(mutation.error, 400) && (
          <Alert color="red" role="alert" title="The card was not charged">
            {mutation.error.detail}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          The card number is sent to the payment service and never stored; the receipt shows its last four digits.
        </Text>
        <Button type="submit" loading={mutation.isPending} w="fit-content">
          Pay {centsFrom(amount) ? formatMoney(centsFrom(amount)!, currency) : ''}
        </Button>
      </Stack>
    </form>
  );
}
