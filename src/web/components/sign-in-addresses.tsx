import { Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { addMyEmail, myEmailsQuery, removeMyEmail } from '../api/queries';
import { capitalize } from '../format';
import { ProblemAlert } from './problem-alert';
import { QueryState } from './query-state';
import { StatusAlert, useStatus } from './status';

/** The signed-in user's own sign-in addresses: any of them signs in; the last one cannot be removed. */
export function SignInAddresses() {
  const queryClient = useQueryClient();
  const emails = useQuery(myEmailsQuery);
  const [draft, setDraft] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const status = useStatus();
  const inputRef = useRef<HTMLInputElement>(null);

  const store = (answer: { emails: string[] }) => queryClient.setQueryData(myEmailsQuery.queryKey, answer);

  const add = useMutation({
    mutationFn: (email: string) => addMyEmail(email),
    onMutate: () => {
      status.clear();
      remove.reset();
    },
    onSuccess: (answer, email) => {
      store(answer);
      setDraft('');
      status.show(`Added ${email.toLowerCase()}: it now signs you in.`);
    },
    onError: (error) => {
      const issue = isApiError(error, 400) ? error.errors.find((e) => /(^|\.)email$/.test(e.path)) : undefined;
      if (issue) setFieldError(capitalize(issue.message));
      inputRef.current?.focus();
    },
  });

  const remove = useMutation({
    mutationFn: (email: string) => removeMyEmail(email),
    onMutate: () => {
      status.clear();
      add.reset();
    },
    onSuccess: (answer, email) => {
      store(answer);
      status.show(`Removed ${email}: it no longer signs you in.`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const email = draft.trim();
    if (email === '') {
      setFieldError('Enter the address to add');
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    add.mutate(email);
  }

  const list = emails.data ?? [];
  const only = list.length === 1;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sign-in-addresses-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="sign-in-addresses-heading">
            Sign-in addresses
          </Title>
          <Text size="sm" c="dimmed">
            Any of these addresses signs you in, with the same password. Password reset links go to the address you ask from.
          </Text>
        </div>
        <StatusAlert status={status} />
        <QueryState query={emails} what="your sign-in addresses" height={60} />
        {emails.data && (
          <List spacing="xs" listStyleType="none" aria-label="Your sign-in addresses" p={0}>
            {list.map((email) => (
              <List.Item key={email}>
                <Group gap="sm" wrap="wrap" justify="space-between">
                  <Text style={{ wordBreak: 'break-all' }}>{email}</Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(email)}
                    loading={remove.isPending && remove.variables === email}
                    disabled={only || (remove.isPending && remove.variables !== email)}
                    aria-label={`Remove sign-in address ${email}`}
                  >
                    Remove
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {only && (
          <Text size="sm" c="dimmed">
            This is your only address: add another before removing it.
          </Text>
        )}
        {remove.error && <ProblemAlert error={remove.error} title="The address was not removed" />}

        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {add.error && !fieldError && <ProblemAlert error={add.error} title="The address was not added" />}
            <TextInput
              ref={inputRef}
              id="new-sign-in-address"
              label="Add a sign-in address"
              description="An address that already signs in another account is refused: ask the body to merge the two."
              type="email"
              inputMode="email"
              autoComplete="email"
              value={draft}
              onChange={(event) => {
                setDraft(event.currentTarget.value);
                if (fieldError) setFieldError(undefined);
                if (add.error) add.reset();
              }}
              error={fieldError}
              maxLength={320}
              maw={480}
            />
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                Add address
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
