import { Alert, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AddPersonForm } from '../components/add-person-form';
import { ImportPeople } from '../components/import-people';
import { StaffOnly } from '../layout/route-states';
import { useSession } from '../layout/session-context';
import { bodyNameOf, isAdminIn } from '../session';

const route = getRouteApi('/_app/bodies/$bodyId/people/add');

/** Admins add certificants one by one, or import existing ones with their history from a CSV file. */
export function AddPeoplePage() {
  const { bodyId } = route.useParams();
  const { me } = useSession();
  if (!isAdminIn(me, bodyId)) return <StaffOnly title="Add certificants" admins />;
  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2">
          Add certificants
        </Title>
        <Text size="sm" c="dimmed">
          {bodyNameOf(me, bodyId)}. A new certificant signs in with any of their e-mail addresses after choosing a password with
          &ldquo;Forgot password?&rdquo; on the sign-in page.
        </Text>
      </div>
      <AddPersonForm key={`add-${bodyId}`} bodyId={bodyId} />
      <ImportPeople key={`import-${bodyId}`} bodyId={bodyId} />
      <Alert color="gray" variant="light">
        Every addition is recorded in the audit log with who made it.
      </Alert>
    </Stack>
  );
}
