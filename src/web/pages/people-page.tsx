import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PeopleSearch } from '../components/people-search';
import { useSession } from '../layout/session-context';
import { isAdminIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/people');

export function PeoplePage() {
  const { bodyId } = route.useParams();
  const { q } = route.useSearch();
  const navigate = useNavigate();
  const { me } = useSession();
  return (
    <PeopleSearch
      key={bodyId}
      bodyId={bodyId}
      initialQuery={q ?? ''}
      canAdd={isAdminIn(me, bodyId)}
      onQueryChange={(next) => void navigate({ to: '.', search: next ? { q: next } : {}, replace: true })}
    />
  );
}
