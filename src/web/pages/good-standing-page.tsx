import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { goodStandingQuery, type StandingCertification, type StandingPerson } from '../api/credentials';
import { bodyInfo } from '../bodies';
import { Fact } from '../components/facts';
import { AnchorLink } from '../components/links';
import { QueryState } from '../components/query-state';
import { checkLookup, foundSentence, LOOKUP_MAX, standingWords } from '../credentials/standing';
import { formatDay } from '../format';
import { PublicLayout, PublicPageHeading } from '../layout/public-layout';
import { WrappingBadge } from '../components/wrapping-badge';

const route = getRouteApi('/standing/$bodyId');

function CertificationStanding({ certification }: { certification: StandingCertification }) {
  const { standing, status, color } = standingWords(certification);
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600} style={{ minWidth: 0, flex: '1 1 14rem', overflowWrap: 'anywhere' }}>
            {certification.designation}: {certification.name}
          </Text>
          <WrappingBadge color={color} size="lg">
            {standing}
          </WrappingBadge>
        </Group>
        <Stack component="dl" gap={4} m={0}>
          <Fact term="Status">{status}</Fact>
          <Fact term="Certified since">{formatDay(certification.certifiedSince)}</Fact>
          <Fact term="Valid through">{formatDay(certification.validThrough)}</Fact>
        </Stack>
        {certification.credentialId && (
          <AnchorLink
            to="/verify/$credentialId"
            params={{ credentialId: certification.credentialId }}
            size="sm"
            aria-label={`Verify credential of ${certification.designation}`}
          >
            Verify credential
          </AnchorLink>
        )}
      </Stack>
    </Card>
  );
}

function PersonStanding({ person }: { person: StandingPerson }) {
  const headingId = `person-${person.number}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {person.legalName}
          </Title>
          <Text size="sm">Certificate number {person.number}</Text>
        </div>
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={`Certifications of ${person.legalName}`}
        >
          {person.certifications.map((certification) => (
            <CertificationStanding key={certification.program} certification={certification} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/**
 * Anyone (an employer, a hospital's credentialing office) checks whether a person holds a body's
 * certification in good standing, by certificate number or name; the lookup is in the address.
 */
export function GoodStandingPage() {
  const { bodyId } = route.useParams();
  const { q } = route.useSearch();
  const navigate = useNavigate();
  const [text, setText] = useState(q ?? '');
  const [error, setError] = useState<string | undefined>();
  const lookup = useQuery({ ...goodStandingQuery(bodyId, q ?? ''), enabled: q !== undefined });
  const bodyName = lookup.data?.body ?? bodyInfo(bodyId).name;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkLookup(text);
    setError(checked.problem ?? undefined);
    if (checked.q === null) {
      document.getElementById('standing-q')?.focus();
      return;
    }
    void navigate({ to: '.', search: { q: checked.q }, replace: true });
  }

  return (
    <PublicLayout maw={900}>
      <Stack gap="lg">
        <PublicPageHeading
          title="Good standing lookup"
          bodyId={bodyId}
          bodyName={bodyName}
          onBodyChange={(next) => void navigate({ to: '/standing/$bodyId', params: { bodyId: next }, search: q ? { q } : {} })}
        >
          Whether a person holds a certification of {bodyName} in good standing, with its dates. Look up a certificate number or a
          name, as printed on the certificate.
        </PublicPageHeading>

        <Card withBorder padding="md">
          <form onSubmit={submit} noValidate role="search" aria-label="Look up a certificant">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                id="standing-q"
                label="Certificate number or name"
                description="The whole certificate number, or at least 3 letters of the name"
                type="search"
                autoComplete="off"
                maxLength={LOOKUP_MAX}
                value={text}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  if (error) setError(undefined);
                }}
                error={error}
                style={{ flex: '1 1 18rem', minWidth: 0 }}
              />
              <Button type="submit" mt={{ base: 0, xs: 47 }} loading={lookup.isFetching}>
                Look up
              </Button>
            </Group>
          </form>
        </Card>

        {q !== undefined && <QueryState query={lookup} what="the lookup" height={120} />}
        {q !== undefined && lookup.data && (
          <Stack gap="sm">
            <Text fw={500} aria-live="polite">
              {foundSentence(lookup.data, q)}
            </Text>
            {lookup.data.people.length > 0 && (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="People found">
                {lookup.data.people.map((person) => (
                  <PersonStanding key={person.number} person={person} />
                ))}
              </Stack>
            )}
            <Text size="sm" c="dimmed">
              {lookup.data.notice} As of {formatDay(lookup.data.asOf)}.
            </Text>
          </Stack>
        )}
      </Stack>
    </PublicLayout>
  );
}
