import { Alert, Stack } from '@mantine/core';
import { Navigate } from '@tanstack/react-router';
import { PeopleSearch } from '../components/people-search';
import { PersonDashboard } from '../components/person-dashboard';
import { useSession } from '../layout/session-context';
import { ButtonLink } from '../components/links';
import { bodyNameOf, isAdminIn, isStaffIn, personIdIn, providerIdIn } from '../session';

/** A certificant's own dashboard; for staff with no record of their own, the people search. */
export function HomePage() {
  const { me, bodyId } = useSession();
  if (bodyId === null) {
    return (
      <Alert color="gray" title="No body yet">
        Your account is not a member of any credentialing body. Ask the body&apos;s staff to add you.
      </Alert>
    );
  }
  const personId = personIdIn(me, bodyId);
  const staff = isStaffIn(me, bodyId);
  if (personId !== null) return <PersonDashboard key={bodyId} bodyId={bodyId} personId={personId} own staff={staff} />;
  if (staff) return <PeopleSearch key={bodyId} bodyId={bodyId} canAdd={isAdminIn(me, bodyId)} />;
  // Someone who only acts for a CE provider here starts on the provider's page.
  if (providerIdIn(me, bodyId) !== null) return <Navigate to="/bodies/$bodyId/provider" params={{ bodyId }} replace />;
  return (
    <Stack maw={640}>
      <Alert color="gray" title="No certification record">
        There is no certificant record for you at {bodyNameOf(me, bodyId)} yet.
      </Alert>
      <ButtonLink to="/become-a-provider" search={{ body: bodyId }} variant="light" w="fit-content">
        Become a CE provider
      </ButtonLink>
    </Stack>
  );
}
