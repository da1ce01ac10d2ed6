import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { isApiError } from '../../api/client';
import { verificationQuery } from '../../api/credentials';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/query-state';
import { VerificationResult } from '../../credentials/verification-result';
import { PublicLayout } from '../../layout/public-layout';

const route = getRouteApi('/verify/$credentialId');

/**
 * Where a certificate's link and QR code lead: anyone (an employer, a hospital) sees whether the
 * credential is valid now, whose it is and from whom, checked afresh on every visit.
 */
export function VerifyCredentialPage() {
  const { credentialId } = route.useParams();
  const verification = useQuery(verificationQuery(credentialId));
  // The server answers 400 to an address that is no credential id, 404 to an id it never issued: the same to a visitor.
  const unknown = isApiError(verification.error, 404) || isApiError(verification.error, 400);
  return (
    <PublicLayout maw={760}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h3">
            Credential verification
          </Title>
          <Text size="sm" c="dimmed">
            The issuer&apos;s signature, dates and status of a credential, checked now.
          </Text>
        </div>
        {unknown ? (
          <Alert color="gray" title="No credential has this address" role="alert">
            <Text size="sm">
              Check the link or the QR code on the certificate: no credential issued here has the id “{credentialId}”. A
              credential file or its text can be verified on the <AnchorLink to="/verify">verification form</AnchorLink>.
            </Text>
          </Alert>
        ) : (
          <QueryState query={verification} what="the verification" height={260} />
        )}
        {verification.data && <VerificationResult verification={verification.data} credentialId={credentialId} />}
      </Stack>
    </PublicLayout>
  );
}
