import { Alert } from '@mantine/core';
import { PeopleSearch } from '../components/people-search';
import { PersonDashboard } from '../components/person-dashboard';
import { useSession } from '../layout/session-context';
import { bodyNameOf, isAdminIn, isStaffIn, personIdIn } from '../session';

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
  return (
    <Alert color="gray" title="No certification record">
      There is no certificant record for you at {bodyNameOf(me, bodyId)} yet.
    </Alert>
  );
}
