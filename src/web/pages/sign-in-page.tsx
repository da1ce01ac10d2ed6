import { Alert, Button, Center, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { signIn } from '../api/queries';
import { KNOWN_BODIES } from '../bodies';
import { AnchorLink } from '../components/links';
import { visibilityToggle } from '../components/passwords';
import { ProblemAlert } from '../components/problem-alert';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { redirect, reset } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => signIn(queryClient, { email, password }),
    onSuccess: () => navigate({ href: redirect ?? '/', replace: true }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <Center mih="100dvh" p="md">
      <Paper component="main" withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-describedby={mutation.error ? 'sign-in-problem' : undefined}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Sign in to Recert
              </Title>
              <Text c="dimmed" size="sm">
                Any of your e-mail addresses works.
              </Text>
            </div>
            {reset === 'done' && !mutation.error && (
              <Alert color="green" variant="light" role="status">
                Your password was changed. Sign in with your new password.
              </Alert>
            )}
            {mutation.error && (
              <div id="sign-in-problem">
                <ProblemAlert error={mutation.error} title="Sign-in failed" />
              </div>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              visibilityToggleButtonProps={visibilityToggle}
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Group justify="flex-end" mt={-8}>
              <AnchorLink to="/forgot-password" size="sm">
                Forgot password?
              </AnchorLink>
            </Group>
            <Button type="submit" loading={mutation.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
        <Divider my="lg" />
        <Stack gap="xs" component="nav" aria-label="Without signing in">
          <Text size="sm" fw={600}>
            Continuing education providers
          </Text>
          <AnchorLink to="/become-a-provider" size="sm">
            Become a CE provider
          </AnchorLink>
          <Text size="sm" fw={600} mt="xs">
            Each body&apos;s public pages
          </Text>
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {KNOWN_BODIES.map((body) => (
              <Text component="li" key={body.id} size="sm">
                {body.name}:{' '}
                <AnchorLink
                  to="/calendar/$bodyId"
                  params={{ bodyId: body.id }}
                  size="sm"
                  aria-label={`CE calendar of ${body.name}`}
                >
                  CE calendar
                </AnchorLink>
                {' · '}
                <AnchorLink
                  to="/standing/$bodyId"
                  params={{ bodyId: body.id }}
                  size="sm"
                  aria-label={`Good standing lookup of ${body.name}`}
                >
                  Good standing lookup
                </AnchorLink>
              </Text>
            ))}
          </Stack>
        </Stack>
      </Paper>
    </Center>
  );
}
