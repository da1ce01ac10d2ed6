import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/client';
import { completePasswordReset, meQuery, requestPasswordReset } from '../api/queries';
import { AnchorLink } from '../components/links';
import { NEW_PASSWORD_HINT, newPasswordProblem, visibilityToggle } from '../components/passwords';
import { ProblemAlert } from '../components/problem-alert';

function Frame({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md">
      <Paper component="main" withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro && (
              <Text c="dimmed" size="sm">
                {intro}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

const NEUTRAL_CONFIRMATION =
  'If that address belongs to an account, a link to choose a new password is on its way. It works for one hour. Check your spam folder if it does not arrive within a few minutes.';

/** Asks for a reset link. The answer never says whether the address belongs to an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  // A refused address (malformed) gets the same confirmation as any other: nothing to learn from it.
  const sent = mutation.isSuccess || (mutation.isError && isApiError(mutation.error, 400));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+$/.test(email.trim())) {
      setError('Enter the e-mail address you sign in with');
      return;
    }
    setError(undefined);
    mutation.mutate();
  }

  return (
    <Frame title="Forgot your password?" intro="We will e-mail you a link to choose a new one.">
      {sent ? (
        <>
          <Alert color="green" variant="light" role="status" title="Check your e-mail">
            {NEUTRAL_CONFIRMATION}
          </Alert>
          <AnchorLink to="/sign-in" size="sm">
            Back to sign-in
          </AnchorLink>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.error && <ProblemAlert error={mutation.error} title="The link could not be sent" />}
            <TextInput
              label="E-mail"
              description="Any of the addresses you sign in with"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error}
              autoFocus
            />
            <Button type="submit" loading={mutation.isPending}>
              Send reset link
            </Button>
            <AnchorLink to="/sign-in" size="sm">
              Back to sign-in
            </AnchorLink>
          </Stack>
        </form>
      )}
    </Frame>
  );
}

const resetRoute = getRouteApi('/reset-password');

/** Chooses a new password with the e-mailed link; every session of the account ends. */
export function ResetPasswordPage() {
  const { token } = resetRoute.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const mutation = useMutation({
    mutationFn: () => completePasswordReset(token ?? '', password),
    onSuccess: async () => {
      // The account's sessions have ended: whoever this browser knew as signed in is asked again.
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: '/sign-in', search: { reset: 'done' }, replace: true });
    },
  });

  if (!token) {
    return (
      <Frame title="Choose a new password">
        <Alert color="yellow" title="This link is incomplete">
          Open the link from the e-mail exactly as it is, or ask for a new one.
        </Alert>
        <AnchorLink to="/forgot-password">Ask for a new link</AnchorLink>
      </Frame>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    const problem = newPasswordProblem(password);
    if (problem) next.password = problem;
    if (repeat !== password) next.repeat = 'The two passwords are not the same';
    setErrors(next);
    if (next.password) document.getElementById('new-password')?.focus();
    else if (next.repeat) document.getElementById('repeat-password')?.focus();
    else mutation.mutate();
  }

  const badLink = isApiError(mutation.error, 400) && mutation.error.errors.some((issue) => issue.path.includes('token'));

  return (
    <Frame title="Choose a new password" intro="After this, you are signed out everywhere and sign in with the new password.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.error && (
            <ProblemAlert error={mutation.error} title={badLink ? 'This link no longer works' : 'The password was not changed'} />
          )}
          {badLink && <AnchorLink to="/forgot-password">Ask for a new link</AnchorLink>}
          <PasswordInput
            visibilityToggleButtonProps={visibilityToggle}
            id="new-password"
            label="New password"
            description={NEW_PASSWORD_HINT}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              if (errors.password) setErrors((current) => ({ ...current, password: undefined }));
            }}
            error={errors.password}
            autoFocus
          />
          <PasswordInput
            visibilityToggleButtonProps={visibilityToggle}
            id="repeat-password"
            label="Confirm password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => {
              setRepeat(event.currentTarget.value);
              if (errors.repeat) setErrors((current) => ({ ...current, repeat: undefined }));
            }}
            error={errors.repeat}
          />
          <Button type="submit" loading={mutation.isPending}>
            Set new password
          </Button>
          <AnchorLink to="/sign-in" size="sm">
            Back to sign-in
          </AnchorLink>
        </Stack>
      </form>
    </Frame>
  );
}
