import { Card, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list as a table on a card, scrolling sideways where the screen is narrower than `minWidth`: its
 * caption says what it lists (or that there is nothing), read out again when it changes.
 */
export function TableCard(props: {
  minWidth: number;
  caption: ReactNode;
  columns: readonly string[];
  /** Rows shaded in turn (reading across), or lit under the pointer (rows that lead somewhere). */
  look: 'striped' | 'links';
  children: ReactNode;
}) {
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table verticalSpacing="sm" striped={props.look === 'striped'} highlightOnHover={props.look === 'links'}>
          <Table.Caption aria-live="polite">{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{props.children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
