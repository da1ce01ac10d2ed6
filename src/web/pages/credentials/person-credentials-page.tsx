import { Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { CredentialList } from '../../credentials/credential-list';
import { useSession } from '../../layout/session-context';
import { personIdIn } from '../../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/credentials');

/** A person's verifiable credentials: the certificate to print, the signed credential, and the link an employer checks. */
export function PersonCredentialsPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {own ? 'My credentials' : 'Credentials'}
        </Title>
        <Text size="sm" c="dimmed">
          {own ? 'Each certification you hold' : 'Each certification held'} has a signed digital credential (Open Badges 3.0) and
          a printable certificate. An employer checks either at its verification link, which shows the status today.
        </Text>
      </div>
      <CredentialList key={`${bodyId}/${personId}`} bodyId={bodyId} personId={personId} own={own} order={2} />
    </Stack>
  );
}
