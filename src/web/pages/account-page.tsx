import { Stack, Text, Title } from '@mantine/core';
import { SignInAddresses } from '../components/sign-in-addresses';
import { useSession } from '../layout/session-context';

/** The signed-in user's account, whatever their roles: their sign-in addresses. */
export function AccountPage() {
  const { me } = useSession();
  return (
    <Stack gap="lg" maw={820}>
      <div>
        <Title order={1} size="h2">
          My account
        </Title>
        <Text size="sm" c="dimmed">
          Signed in as {me.user.displayName}
        </Text>
      </div>
      <SignInAddresses />
    </Stack>
  );
}
