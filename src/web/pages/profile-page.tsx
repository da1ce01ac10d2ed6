import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { personQuery } from '../api/queries';
import { AnchorLink, ButtonLink } from '../components/links';
import { MergedNotice } from '../components/merged-notice';
import { ProfileForm } from '../components/profile-form';
import { SignInAddresses } from '../components/sign-in-addresses';
import { useSession } from '../layout/session-context';
import { isAdminIn, personIdIn } from '../session';
import { QueryState } from '../components/query-state';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId/profile');

/** The signed-in certificant's own profile and sign-in addresses, or (for an admin) anyone's profile. */
export function ProfilePage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  const own = personIdIn(me, bodyId) === personId;
  const admin = isAdminIn(me, bodyId);
  const person = useQuery({ ...personQuery(bodyId, personId), enabled: own || admin });

  if (!own && !admin) {
    return (
      <Stack maw={640}>
        <Title order={1} size="h2">
          Profile
        </Title>
        <Alert color="gray" title="Not available">
          Only the person themselves and the body&apos;s administrators change a profile.
        </Alert>
        <AnchorLink to="/">Go to the start page</AnchorLink>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={820}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          {!own && (
            <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId }} size="sm">
              Back to {person.data?.legalName ?? 'the dashboard'}
            </AnchorLink>
          )}
          <Title order={1} size="h2">
            {own ? 'My profile' : `Profile of ${person.data?.legalName ?? '…'}`}
          </Title>
          {person.data && (
            <Text size="sm" c="dimmed">
              Certificant number {person.data.number}
            </Text>
          )}
        </div>
        {admin && !own && (
          <ButtonLink to="/bodies/$bodyId/people/$personId/audit" params={{ bodyId, personId }} variant="default">
            Audit log
          </ButtonLink>
        )}
      </Group>

      <QueryState query={person} what="the profile" height={360} />
      {person.data && (
        <>
          <MergedNotice bodyId={bodyId} person={person.data} />
          <ProfileForm key={person.data.id} bodyId={bodyId} person={person.data} own={own} admin={admin} />
        </>
      )}
      {own && <SignInAddresses />}
    </Stack>
  );
}
