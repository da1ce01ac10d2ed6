import { Alert, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { certificatePdfUrl, credentialJwtUrl, personCredentialsQuery, type CredentialView } from '../api/credentials';
import { Fact } from '../components/facts';
import { ButtonLink } from '../components/links';
import { QueryState } from '../components/query-state';
import { StatusText } from '../components/status';
import { WrappingBadge } from '../components/wrapping-badge';
import { formatDateTime, formatDay } from '../format';
import { canShare, issueWords, splitCredentials, stateWords } from './credential-state';

/** Puts the verification link on the clipboard; says so, or where the browser refuses, gives the link to copy by hand. */
async function copyLink(url: string, say: (message: string) => void) {
  try {
    await navigator.clipboard.writeText(url);
    say(`Verification link copied: ${url}`);
  } catch {
    say(`The browser did not allow copying. The link: ${url}`);
  }
}

interface CardsProps {
  bodyId: string;
  personId: string;
  /** The cards' heading level: 2 on the credentials' own page, 3 under a page's "Credentials" section. */
  order: 2 | 3;
}

function CredentialCard({ credential, bodyId, personId, order }: CardsProps & { credential: CredentialView }) {
  const state = stateWords(credential);
  const [copied, setCopied] = useState('');
  const headingId = `credential-${credential.id}`;
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={order} size="h4" id={headingId} style={{ minWidth: 0, flex: '1 1 16rem', overflowWrap: 'anywhere' }}>
            {credential.designation}: {credential.name}
          </Title>
          <WrappingBadge color={state.color} size="lg">
            {state.label}
          </WrappingBadge>
        </Group>
        {state.line !== state.label && <Text size="sm">{state.line}</Text>}
        <Stack component="dl" gap={4} m={0}>
          <Fact termWidth="9.5rem" term="Certificate number">
            {credential.certificateNumber}
          </Fact>
          <Fact termWidth="9.5rem" term="Name as printed">
            {credential.holderName}
          </Fact>
          <Fact termWidth="9.5rem" term="Awarded">
            {formatDay(credential.awarded)}
          </Fact>
          <Fact termWidth="9.5rem" term="Valid">
            {formatDay(credential.validFrom)} to {formatDay(credential.validUntil)}
          </Fact>
          <Fact termWidth="9.5rem" term="Issued">
            {formatDateTime(credential.issuedAt)} {issueWords(credential.issueReason)}
          </Fact>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {/* Plain links: the browser downloads the file with the session cookie, under the server's file name. */}
          <Button component="a" href={certificatePdfUrl(bodyId, personId, credential.id)} download variant="light">
            Download certificate (PDF)
          </Button>
          <Button
            component="a"
            href={credentialJwtUrl(credential.id)}
            download={`credential-${credential.id}.jwt`}
            variant="default"
          >
            Download .jwt
          </Button>
          <ButtonLink to="/verify/$credentialId" params={{ credentialId: credential.id }} variant="default">
            Open verification page
          </ButtonLink>
          {canShare(credential) && (
            <Button component="a" href={credential.linkedInUrl} target="_blank" rel="noopener noreferrer" variant="default">
              Add to LinkedIn profile
            </Button>
          )}
          <Button variant="default" onClick={() => void copyLink(credential.verificationUrl, setCopied)}>
            Copy verification link
          </Button>
        </Group>
        <div style={{ overflowWrap: 'anywhere' }}>
          <StatusText message={copied} />
        </div>
      </Stack>
    </Card>
  );
}

function CredentialCards({ label, credentials, ...card }: CardsProps & { label: string; credentials: CredentialView[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {credentials.map((credential) => (
        <CredentialCard key={credential.id} credential={credential} {...card} />
      ))}
    </Stack>
  );
}

/**
 * A person's credentials, newest first: the current ones open, those a renewal replaced or the
 * body revoked folded under "Earlier credentials". The holder's page and the staff's person page.
 */
export function CredentialList({ own, ...card }: CardsProps & { own: boolean }) {
  const { bodyId, personId } = card;
  const list = useQuery(personCredentialsQuery(bodyId, personId));
  const [showEarlier, setShowEarlier] = useState(false);
  // Someone who asked for less motion sees the earlier credentials at once.
  const reduceMotion = useReducedMotion();
  if (!list.data) return <QueryState query={list} what="the credentials" height={180} />;
  const { current, earlier } = splitCredentials(list.data);
  return (
    <Stack gap="md">
      {list.data.length === 0 && (
        <Alert color="gray" title="No credential yet">
          {own ? 'You hold' : 'This person holds'} no credential of this body: one is issued when a certification is awarded.
        </Alert>
      )}
      {current.length > 0 && <CredentialCards label="Current credentials" credentials={current} {...card} />}
      {earlier.length > 0 && (
        <Stack gap="sm">
          <Group>
            <Button
              variant="subtle"
              onClick={() => setShowEarlier((shown) => !shown)}
              aria-expanded={showEarlier}
              aria-controls="earlier-credentials"
            >
              {showEarlier ? 'Hide' : 'Show'} earlier credentials ({earlier.length})
            </Button>
          </Group>
          <Collapse expanded={showEarlier} id="earlier-credentials" transitionDuration={reduceMotion ? 0 : undefined}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                Replaced by a renewal or revoked: a verifier sees them as no longer valid.
              </Text>
              <CredentialCards label="Earlier credentials" credentials={earlier} {...card} />
            </Stack>
          </Collapse>
        </Stack>
      )}
    </Stack>
  );
}
