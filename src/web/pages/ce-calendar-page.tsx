import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ceCalendarFeedUrl, ceCalendarQuery, type CalendarFilters, type Listing } from '../api/providers';
import { bodyInfo } from '../bodies';
import { ProblemList } from '../components/problem-alert';
import { QueryState } from '../components/query-state';
import { WrappingBadge } from '../components/wrapping-badge';
import { formatDay, formatNumber, words } from '../format';
import { problemLines } from '../forms';
import { PublicLayout, PublicPageHeading } from '../layout/public-layout';
import {
  CALENDAR_LABELS,
  checkCalendarFilters,
  datesShown,
  OFFERING_TYPES,
  offeringTypeLabel,
  type CalendarField,
} from '../providers/calendar-filters';

const route = getRouteApi('/calendar/$bodyId');

const valuesOf = (filters: CalendarFilters): Record<CalendarField, string> => ({
  from: filters.from ?? '',
  to: filters.to ?? '',
  type: filters.type ?? '',
  category: filters.category ?? '',
  format: filters.format ?? '',
  q: filters.q ?? '',
});

function ListingCard({ listing }: { listing: Listing }) {
  const headingId = `listing-${listing.id}`;
  const { shown, more } = datesShown(listing.dates);
  const place = listing.virtual ? 'Online' : [listing.city, listing.region].filter(Boolean).join(', ') || 'In person';
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {listing.title}
            </Title>
            <Text size="sm">by {listing.provider}</Text>
          </div>
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {offeringTypeLabel(listing.type)}
            </Badge>
            <Badge variant="light" color={listing.virtual ? 'grape' : 'blue'} tt="none">
              {listing.virtual ? 'Virtual' : 'In person'}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {listing.recurring
            ? `Recurring course, approved from ${formatDay(listing.validFrom)} to ${formatDay(listing.validUntil)}${shown.length > 0 ? `; sessions include ${shown.map(formatDay).join(', ')}${more > 0 ? ` and ${more} more` : ''}` : ''}`
            : `${shown.map(formatDay).join(', ')}${more > 0 ? ` and ${more} more dates` : ''}`}{' '}
          · {place} · {formatNumber(listing.hours)} {listing.hours === 1 ? 'hour' : 'hours'}
          {listing.categories.length > 0 ? ` · ${listing.categories.map(words).join(', ')}` : ''}
        </Text>
        {listing.description && (
          <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
            {listing.description}
          </Text>
        )}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Registration: {listing.registrationContact}
          {listing.registrationUrl && (
            <>
              {' · '}
              <Anchor href={listing.registrationUrl} target="_blank" rel="noopener noreferrer">
                Register for {listing.title}
              </Anchor>
            </>
          )}
        </Text>
        <Group gap="xs" mt={4}>
          <WrappingBadge color="teal" variant="filled" size="lg">
            {listing.mark}
          </WrappingBadge>
          <Text size="sm">
            Approval code <strong>{listing.approvalCode}</strong>
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** The body's public calendar of pre-approved CE offerings: no sign-in, filters in the address, an iCal feed of the same. */
export function CeCalendarPage() {
  const { bodyId } = route.useParams();
  const filters = route.useSearch();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => valuesOf(filters));
  const [errors, setErrors] = useState<Partial<Record<CalendarField, string>>>({});
  const calendar = useQuery({ ...ceCalendarQuery(bodyId, filters), placeholderData: keepPreviousData });
  const bodyName = calendar.data?.body ?? bodyInfo(bodyId).name;
  const filtered = Object.keys(filters).length > 0;

  function set(field: CalendarField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const checked = checkCalendarFilters(values);
    if (checked.errors) {
      setErrors(checked.errors);
      const first = (Object.keys(values) as CalendarField[]).find((field) => checked.errors[field]);
      if (first) document.getElementById(`calendar-${first}`)?.focus();
      return;
    }
    setErrors({});
    void navigate({ to: '.', search: checked.filters, replace: true });
  }

  function clear() {
    setValues(valuesOf({}));
    setErrors({});
    void navigate({ to: '.', search: {}, replace: true });
  }

  const listings = calendar.data?.listings ?? [];
  const feed = ceCalendarFeedUrl(bodyId, filters);

  return (
    <PublicLayout>
      <Stack gap="lg">
        <PublicPageHeading
          title="CE calendar"
          bodyId={bodyId}
          bodyName={bodyName}
          onBodyChange={(next) => void navigate({ to: '/calendar/$bodyId', params: { bodyId: next }, search: {} })}
        >
          Continuing education pre-approved by {bodyName}. Each listing shows its approval code: the body approved it, and its
          credit counts as approved.
        </PublicPageHeading>

        <Card withBorder padding="md" component="section" aria-labelledby="filters-heading">
          <form onSubmit={apply} noValidate role="search" aria-labelledby="filters-heading">
            <Stack gap="sm">
              <Title order={2} size="h5" id="filters-heading">
                Find an offering
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
                <TextInput
                  id="calendar-q"
                  label={CALENDAR_LABELS.q}
                  description="In the title, the description or the provider's name"
                  type="search"
                  value={values.q}
                  onChange={(event) => set('q', event.currentTarget.value)}
                  error={errors.q}
                  maxLength={200}
                />
                <TextInput
                  id="calendar-from"
                  label={CALENDAR_LABELS.from}
                  description="Empty: from today"
                  type="date"
                  value={values.from}
                  onChange={(event) => set('from', event.currentTarget.value)}
                  error={errors.from}
                />
                <TextInput
                  id="calendar-to"
                  label={CALENDAR_LABELS.to}
                  description="Empty: no end"
                  type="date"
                  min={values.from || undefined}
                  value={values.to}
                  onChange={(event) => set('to', event.currentTarget.value)}
                  error={errors.to}
                />
                <NativeSelect
                  id="calendar-type"
                  label={CALENDAR_LABELS.type}
                  value={values.type}
                  onChange={(event) => set('type', event.currentTarget.value)}
                  data={[
                    { value: '', label: 'Any type' },
                    ...OFFERING_TYPES,
                    ...(values.type && !OFFERING_TYPES.some((t) => t.value === values.type)
                      ? [{ value: values.type, label: offeringTypeLabel(values.type) }]
                      : []),
                  ]}
                  error={errors.type}
                />
                <TextInput
                  id="calendar-category"
                  label={CALENDAR_LABELS.category}
                  description="A topic, such as legal"
                  value={values.category}
                  onChange={(event) => set('category', event.currentTarget.value)}
                  error={errors.category}
                  maxLength={60}
                />
                <NativeSelect
                  id="calendar-format"
                  label={CALENDAR_LABELS.format}
                  value={values.format}
                  onChange={(event) => set('format', event.currentTarget.value)}
                  data={[
                    { value: '', label: 'Either' },
                    { value: 'virtual', label: 'Virtual' },
                    { value: 'in-person', label: 'In person' },
                  ]}
                  error={errors.format}
                />
              </SimpleGrid>
              <ProblemList lines={problemLines(errors, CALENDAR_LABELS)} />
              <Group gap="sm">
                <Button type="submit">Show offerings</Button>
                {filtered && (
                  <Button variant="default" onClick={clear}>
                    Clear filters
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Card>

        <Group justify="space-between" align="center" gap="sm">
          <Text fw={500} aria-live="polite">
            {calendar.data
              ? listings.length === 0
                ? filtered
                  ? 'No approved offering matches these filters.'
                  : 'No approved offering is listed yet.'
                : `${listings.length} approved ${listings.length === 1 ? 'offering' : 'offerings'}${filtered ? ' matching the filters' : ''}`
              : ''}
          </Text>
          <Anchor href={feed} size="sm" aria-label={`Subscribe (iCal) to ${filtered ? 'these offerings' : 'this calendar'}`}>
            Subscribe (iCal)
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed" mt={-12}>
          Copy the link into a calendar app (&ldquo;add calendar from URL&rdquo;) to follow{' '}
          {filtered ? 'these offerings' : 'the calendar'}.
        </Text>

        <QueryState query={calendar} what="the calendar" height={140} count={2} />
        {listings.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Approved offerings">
            {listings.map((listing) => (
              <ListingCard key={listing.id} listing={listing} />
            ))}
          </Stack>
        )}
      </Stack>
    </PublicLayout>
  );
}
