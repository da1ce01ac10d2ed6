import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A badge of words (a status, a mark) that wraps at narrow widths, in table cells and on phones, instead of cutting them. */
export function WrappingBadge(props: Omit<BadgeProps, 'style'> & { children: ReactNode }) {
  return <Badge variant="light" tt="none" style={{ whiteSpace: 'normal', height: 'auto', paddingBlock: 2 }} {...props} />;
}
