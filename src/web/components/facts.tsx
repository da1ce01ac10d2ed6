import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a list of facts (`<dl>`), the terms in a column at least `termWidth` wide. */
export function Fact({ term, termWidth = '8rem', children }: { term: string; termWidth?: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text component="dt" size="sm" c="dimmed" miw={termWidth}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}
