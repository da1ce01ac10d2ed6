import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ButtonLink } from '../components/links';
import { ProblemAlert } from '../components/problem-alert';

export function RoutePending() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Stack py="md" maw={640}>
      <ProblemAlert error={error} title="This page could not be shown" />
      <Button
        variant="light"
        w="fit-content"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        Try again
      </Button>
    </Stack>
  );
}

export function NotFound() {
  return (
    <Stack py="xl" px="md" maw={640}>
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address.</Text>
      <Link to="/">Go to the start page</Link>
    </Stack>
  );
}

/** A staff page opened by someone who is not staff of the body. */
export function StaffOnly({ title, admins = false }: { title: string; admins?: boolean }) {
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="gray" title="Not available">
        Only the body&apos;s {admins ? 'administrators' : 'staff'} can use this page.
      </Alert>
      <Link to="/">Go to the start page</Link>
    </Stack>
  );
}

/** A CE provider's page opened by someone who acts for no provider of the body: the way to register one. */
export function NotAProvider({ title, bodyId, children }: { title: string; bodyId: string; children: ReactNode }) {
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="gray" title="You do not act for a provider of this body">
        {children}
      </Alert>
      <ButtonLink to="/become-a-provider" search={{ body: bodyId }} w="fit-content">
        Become a CE provider
      </ButtonLink>
    </Stack>
  );
}
