import { Box, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { meQuery } from '../api/queries';
import { KNOWN_BODIES } from '../bodies';
import { AnchorLink, ButtonLink } from '../components/links';

/** The frame of pages open to anyone (the public CE calendar, registering as a provider): no navigation, no sign-in needed. */
export function PublicLayout({ children, maw = 1100 }: { children: ReactNode; maw?: number }) {
  const { data: me } = useQuery(meQuery);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={maw} mx="auto">
          <AnchorLink to="/" fw={700} fz="lg" underline="never">
            Recert
          </AnchorLink>
          {me ? (
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed" truncate="end" visibleFrom="xs">
                {me.user.displayName}
              </Text>
              <ButtonLink to="/" variant="default" size="sm">
                Back to Recert
              </ButtonLink>
            </Group>
          ) : (
            <ButtonLink to="/sign-in" variant="default" size="sm">
              Sign in
            </ButtonLink>
          )}
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} p="md" maw={maw} mx="auto" style={{ outline: 'none' }}>
        {children}
      </Box>
    </>
  );
}

/**
 * The top of a body's public page (the CE calendar, the good-standing lookup): its title, what it
 * offers, and the choice of another body.
 */
export function PublicPageHeading(props: {
  title: string;
  children: ReactNode;
  bodyId: string;
  bodyName: string;
  onBodyChange: (bodyId: string) => void;
}) {
  const { bodyId, bodyName } = props;
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <div style={{ minWidth: 0, flex: '1 1 20rem' }}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text size="sm" c="dimmed">
          {props.children}
        </Text>
      </div>
      {KNOWN_BODIES.length > 1 && (
        <NativeSelect
          label="Body"
          value={bodyId}
          onChange={(event) => props.onBodyChange(event.currentTarget.value)}
          data={[
            ...KNOWN_BODIES.map((body) => ({ value: body.id, label: body.name })),
            ...(KNOWN_BODIES.some((body) => body.id === bodyId) ? [] : [{ value: bodyId, label: bodyName }]),
          ]}
          style={{ flex: '0 1 20rem' }}
        />
      )}
    </Group>
  );
}
