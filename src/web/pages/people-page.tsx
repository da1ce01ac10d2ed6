import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PeopleSearch } from '../components/people-search';

const route = getRouteApi('/_app/bodies/$bodyId/people');

export function PeoplePage() {
  const { bodyId } = route.useParams();
  const { q } = route.useSearch();
  const navigate = useNavigate();
  return (
    <PeopleSearch
      key={bodyId}
      bodyId={bodyId}
      initialQuery={q ?? ''}
      onQueryChange={(next) => void navigate({ to: '.', search: next ? { q: next } : {}, replace: true })}
    />
  );
}
