import { Box, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { meQuery } from '../api/queries';
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
