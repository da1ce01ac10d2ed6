import { Card, Stack, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page, on a card; its title names the section (`${id}-heading`). */
export function SectionCard({
  id,
  title,
  gap = 'sm',
  children,
}: {
  id: string;
  title: ReactNode;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap={gap}>
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
