import { getRouteApi } from '@tanstack/react-router';
import { PersonDashboard } from '../components/person-dashboard';
import { useSession } from '../layout/session-context';
import { isAdminIn, isStaffIn, personIdIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/$personId');

export function PersonPage() {
  const { bodyId, personId } = route.useParams();
  const { me } = useSession();
  return (
    <PersonDashboard
      key={`${bodyId}/${personId}`}
      bodyId={bodyId}
      personId={personId}
      own={personIdIn(me, bodyId) === personId}
      staff={isStaffIn(me, bodyId)}
      admin={isAdminIn(me, bodyId)}
    />
  );
}
