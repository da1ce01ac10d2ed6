import { Button, Checkbox, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../components/problem-alert';

/**
 * The track's Code of Ethics in full, and the candidate's subscription to it: what awards the
 * certification after a pass (as the attestation does at each renewal).
 */
export function EthicsSubscription(props: {
  title: string;
  tenets: readonly string[];
  designation: string;
  subscribe: () => Promise<unknown>;
  onSubscribed: () => void;
}) {
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState<string | undefined>();
  const mutation = useMutation({ mutationFn: props.subscribe, onSuccess: props.onSubscribed });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!agreed) {
      setMissing('Tick the box to subscribe: the certification is awarded only then');
      document.getElementById('ethics-agree')?.focus();
      return;
    }
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ethics-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="ethics-title">
          {props.title}
        </Title>
        <List type="ordered" size="sm" spacing={4}>
          {props.tenets.map((tenet) => (
            <List.Item key={tenet}>{tenet}</List.Item>
          ))}
        </List>
        <Checkbox
          id="ethics-agree"
          label={`I subscribe to the ${props.title}`}
          description={`The ${props.designation} certification is awarded when you subscribe; you keep to the code to keep it.`}
          checked={agreed}
          onChange={(event) => {
            setAgreed(event.currentTarget.checked);
            setMissing(undefined);
          }}
          error={missing}
        />
        <ProblemAlert error={mutation.error} title="The subscription was not recorded" />
        <Text size="xs" c="dimmed">
          Your subscription is recorded with the date and the code&apos;s wording.
        </Text>
        <Button type="submit" loading={mutation.isPending} w="fit-content">
          Subscribe and receive the certification
        </Button>
      </Stack>
    </form>
  );
}
