import { Alert, Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { credentialJwtUrl, type Verification } from '../api/credentials';
import { Fact } from '../components/facts';
import { AnchorLink } from '../components/links';
import { formatDateTime } from '../format';
import { CHECKS, checkOutcome, credentialDate, verdictWords } from './verdict';

/** The id of a credential this installation issued (`urn:uuid:<id>`, its issuer here), which has its own page. */
function localId(credential: NonNullable<Verification['credential']>): string | null {
  try {
    if (new URL(credential.issuer.id).origin !== window.location.origin) return null;
  } catch {
    return null;
  }
  return /^urn:uuid:([0-9a-f-]{36})$/i.exec(credential.id)?.[1] ?? null;
}

/** The status in one look: the verdict, large and coloured, over who holds what, from whom, and when. */
function VerdictCard({ verification }: { verification: Verification }) {
  const { label, color } = verdictWords(verification);
  const credential = verification.credential;
  const program = credential
    ? [credential.designation, credential.achievement].filter(Boolean).join(': ') || credential.name
    : null;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      bg={`${color}.0`}
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }}
      aria-labelledby="verdict"
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} c="dimmed">
            Verification result
          </Text>
          <Title order={2} id="verdict" fz={{ base: 32, sm: 40 }} lh={1.15} c={`${color}.9`} data-verdict={verification.verdict}>
            {label}
          </Title>
        </div>
        {credential && (
          <>
            <div>
              <Text fz="xl" fw={700} style={{ overflowWrap: 'anywhere' }}>
                {credential.holderName ?? 'Holder not named'}
              </Text>
              {program && (
                <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {program}
                </Text>
              )}
            </div>
            <Stack component="dl" gap={4} m={0} aria-label="Credential">
              {credential.certificateNumber && (
                <Fact termWidth="9.5rem" term="Certificate number">
                  {credential.certificateNumber}
                </Fact>
              )}
              {credential.awarded && (
                <Fact termWidth="9.5rem" term="Awarded">
                  {credentialDate(credential.awarded)}
                </Fact>
              )}
              <Fact termWidth="9.5rem" term="Valid from">
                {credential.validFrom ? credentialDate(credential.validFrom) : 'its issue'}
              </Fact>
              <Fact termWidth="9.5rem" term="Valid until">
                {credential.validUntil ? credentialDate(credential.validUntil, 'end') : 'no end date'}
              </Fact>
              <Fact termWidth="9.5rem" term="Issued by">
                {credential.issuer.name ?? credential.issuer.id}
              </Fact>
            </Stack>
          </>
        )}
        <Text fw={500}>{verification.summary}</Text>
      </Stack>
    </Card>
  );
}

/** Each check with its outcome and what was found: what the verdict rests on. */
function CheckList({ checks }: { checks: Verification['checks'] }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="checks-heading">
      <Title order={2} size="h4" id="checks-heading" mb="xs">
        What was checked
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Checks">
        {CHECKS.map(({ name, label }) => {
          const check = checks[name];
          const outcome = checkOutcome(check.ok);
          const kid = name === 'issuerKey' ? checks.issuerKey.kid : null;
          return (
            <Box component="li" key={name}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={outcome.color} variant="light" tt="none" miw="6.5rem" style={{ flexShrink: 0 }}>
                  {outcome.label}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {label}
                  </Text>
                  {/* "Not checked" says it already. */}
                  {check.detail !== 'not checked' && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {check.detail}
                    </Text>
                  )}
                  {kid && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      Key id {kid}
                    </Text>
                  )}
                </div>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Card>
  );
}

/**
 * What a verifier found, the same for a credential opened by its link and for one pasted: the
 * verdict card, the newer credential when this one was replaced, each check, and the way on.
 * `credentialId` (the link's) offers the signed credential for download and the paste/upload form.
 */
export function VerificationResult({ verification, credentialId }: { verification: Verification; credentialId?: string }) {
  const ownId = verification.credential ? localId(verification.credential) : null;
  return (
    <Stack gap="md">
      <VerdictCard verification={verification} />
      {verification.supersededBy && (
        <Alert color="blue" title="A newer credential replaced this one">
          The holder renewed or was re-issued this certification.{' '}
          <AnchorLink to="/verify/$credentialId" params={{ credentialId: verification.supersededBy }} fw={600}>
            Verify the current credential
          </AnchorLink>
        </Alert>
      )}
      <CheckList checks={verification.checks} />
      <Group gap="md" wrap="wrap">
        {credentialId && (
          <Anchor href={credentialJwtUrl(credentialId)} download={`credential-${credentialId}.jwt`}>
            Download the signed credential (.jwt)
          </Anchor>
        )}
        {!credentialId && ownId && (
          <AnchorLink to="/verify/$credentialId" params={{ credentialId: ownId }}>
            This credential&apos;s verification page
          </AnchorLink>
        )}
        {credentialId && <AnchorLink to="/verify">Verify a credential file or text</AnchorLink>}
      </Group>
      <Text size="sm" c="dimmed">
        Checked {formatDateTime(verification.checkedAt)}. The status is read from the issuer&apos;s status list at each check.
      </Text>
    </Stack>
  );
}
