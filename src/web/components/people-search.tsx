import { Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { peopleQuery } from '../api/queries';
import { AnchorLink, ButtonLink } from './links';
import { ProblemAlert } from './problem-alert';

/** Staff find any certificant of the body by name or number and open their dashboard. */
export function PeopleSearch(props: {
  bodyId: string;
  initialQuery?: string;
  onQueryChange?: (q: string) => void;
  /** Admins: a link to add certificants or import them. */
  canAdd?: boolean;
}) {
  const { bodyId, onQueryChange } = props;
  const [q, setQ] = useState(props.initialQuery ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const people = useQuery({ ...peopleQuery(bodyId, debounced), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          Find a certificant
        </Title>
        {props.canAdd && (
          <ButtonLink to="/bodies/$bodyId/people/add" params={{ bodyId }} variant="light">
            Add or import certificants
          </ButtonLink>
        )}
      </Group>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <TextInput
          label="Name or certificant number"
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            onQueryChange?.(event.currentTarget.value);
          }}
          rightSection={people.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
          maw={480}
        />
      </form>
      {people.error && <ProblemAlert error={people.error} title="The search failed" />}
      {people.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={420}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Caption aria-live="polite">
                {people.data.length === 0
                  ? 'Nobody matches.'
                  : `${people.data.length} ${people.data.length === 1 ? 'person' : 'people'}${debounced ? ` matching "${debounced}"` : ''}`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Number</Table.Th>
                  <Table.Th scope="col">Location</Table.Th>
                  <Table.Th scope="col">Member</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: person.id }}>
                        {person.legalName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{person.number}</Table.Td>
                    <Table.Td>{[person.city, person.region].filter(Boolean).join(', ')}</Table.Td>
                    <Table.Td>{person.member ? 'Yes' : 'No'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Group>
        <Text size="sm" c="dimmed">
          Open a name to see that person&apos;s dashboard and CE activities.
        </Text>
      </Group>
    </Stack>
  );
}
