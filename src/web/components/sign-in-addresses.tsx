import { Alert, Button, Card, Group, List, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { addMyEmail, myEmailsQuery, removeMyEmail } from '../api/queries';
import { capitalize } from '../format';
import { ProblemAlert } from './problem-alert';

/** The signed-in user's own sign-in addresses: any of them signs in; the last one cannot be removed. */
export function SignInAddresses() {
  const queryClient = useQueryClient();
  const emails = useQuery(myEmailsQuery);
  const [draft, setDraft] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const store = (answer: { emails: string[] }) => queryClient.setQueryData(myEmailsQuery.queryKey, answer);

  const add = useMutation({
    mutationFn: (email: string) => addMyEmail(email),
    onMutate: () => {
      setStatus('');
      remove.reset();
    },
    onSuccess: (answer, email) => {
      store(answer);
      setDraft('');
      setStatus(`Added ${email.toLowerCase()}: it now signs you in.`);
      statusRef.current?.focus();
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
      setStatus('');
      add.reset();
    },
    onSuccess: (answer, email) => {
      store(answer);
      setStatus(`Removed ${email}: it no longer signs you in.`);
      statusRef.current?.focus();
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
        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" style={{ outline: 'none' }}>
          {status && (
            <Alert color="green" variant="light" withCloseButton onClose={() => setStatus('')} closeButtonLabel="Dismiss">
              {status}
            </Alert>
          )}
        </div>
        {emails.error && <ProblemAlert error={emails.error} title="Your sign-in addresses could not be loaded" />}
        {emails.isPending && !emails.error && <Skeleton height={60} aria-label="Loading your sign-in addresses" />}
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
