import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { personQuery, type PersonView } from '../api/queries';
import { AnchorLink } from './links';

/** A record an admin merged into another: its records now live with the surviving one. */
export function MergedNotice({ bodyId, person }: { bodyId: string; person: PersonView }) {
  const survivorId = person.mergedInto;
  const survivor = useQuery({ ...personQuery(bodyId, survivorId ?? ''), enabled: survivorId !== null });
  if (survivorId === null) return null;
  const name = survivor.data ? `${survivor.data.legalName} (number ${survivor.data.number})` : 'the surviving record';
  return (
    <Alert color="yellow" title="This record was merged into another" role="note">
      An administrator merged {person.legalName} (number {person.number}) into another record: its CE activities, evidence files
      and sign-ins moved there, with the certifications that record did not hold already. This record is kept only so that the
      merge can be reversed.{' '}
      <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: survivorId }}>
        Open {name}
      </AnchorLink>
    </Alert>
  );
}
