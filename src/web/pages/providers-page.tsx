import { Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PROVIDER_STATUSES, type ProviderStatus } from '../../server/providers/provider-kinds';
import { providersQuery } from '../api/providers';
import { AnchorLink, ButtonLink } from '../components/links';
import { formatDateTime } from '../format';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { PROVIDER_KIND_NAMES, PROVIDER_STATUS_COLORS, PROVIDER_STATUS_LABELS } from '../providers/provider-form';
import { bodyNameOf, isStaffIn } from '../session';
import { WrappingBadge } from '../components/wrapping-badge';
import { QueryState } from '../components/query-state';
import { TableCard } from '../components/table-card';

const route = getRouteApi('/_app/bodies/$bodyId/providers');

/** Staff: the body's CE providers by name, filtered by standing and words of the name. */
export function ProvidersPage() {
  const { bodyId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { me } = useSession();
  const staff = isStaffIn(me, bodyId);
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const status = search.status;
  const providers = useQuery({
    ...providersQuery(bodyId, { q: debounced, status }),
    placeholderData: keepPreviousData,
    enabled: staff,
  });

  if (!staff) return <StaffOnly title="CE providers" />;

  function update(next: { q?: string; status?: ProviderStatus }) {
    void navigate({
      to: '.',
      search: { ...(next.q ? { q: next.q } : {}), ...(next.status ? { status: next.status } : {}) },
      replace: true,
    });
  }

  const list = providers.data ?? [];
  const caption =
    list.length === 0
      ? 'No provider matches.'
      : `${list.length} ${list.length === 1 ? 'provider' : 'providers'}${status ? `, ${PROVIDER_STATUS_LABELS[status].toLowerCase()}` : ''}${debounced ? `, matching "${debounced}"` : ''}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            CE providers
          </Title>
          <Text size="sm" c="dimmed">
            {bodyNameOf(me, bodyId)}: providers of continuing education, their standing and the body&apos;s notices.
          </Text>
        </div>
        <ButtonLink to="/bodies/$bodyId/appeals" params={{ bodyId }} variant="light">
          Appeals
        </ButtonLink>
      </Group>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Provider name"
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              update({ q: event.currentTarget.value.trim(), status });
            }}
            rightSection={providers.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
            style={{ flex: '1 1 16rem', maxWidth: 420 }}
          />
          <NativeSelect
            label="Standing"
            value={status ?? ''}
            onChange={(event) =>
              update({ q: q.trim(), status: (event.currentTarget.value || undefined) as ProviderStatus | undefined })
            }
            data={[
              { value: '', label: 'Any' },
              ...PROVIDER_STATUSES.map((value) => ({ value, label: PROVIDER_STATUS_LABELS[value] })),
            ]}
            style={{ flex: '0 1 14rem' }}
          />
        </Group>
      </form>
      <QueryState query={providers} what="the providers" />
      {providers.data && (
        <TableCard minWidth={560} look="links" columns={['Name', 'Standing', 'Kind', 'Contact', 'Registered']} caption={caption}>
          {list.map((provider) => (
            <Table.Tr key={provider.id}>
              <Table.Td>
                <AnchorLink to="/bodies/$bodyId/providers/$providerId" params={{ bodyId, providerId: provider.id }}>
                  {provider.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <WrappingBadge color={PROVIDER_STATUS_COLORS[provider.status]}>
                  {PROVIDER_STATUS_LABELS[provider.status]}
                </WrappingBadge>
              </Table.Td>
              <Table.Td>{PROVIDER_KIND_NAMES[provider.kind]}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {provider.contactName}, {provider.email}
              </Table.Td>
              <Table.Td>{formatDateTime(provider.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </TableCard>
      )}
    </Stack>
  );
}
