import { AppShell, Box, Burger, Button, Group, NativeSelect, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { meQuery, signOut } from '../api/queries';
import { AnchorLink, NavLinkLink } from '../components/links';
import {
  bodiesOf,
  bodyNameOf,
  chooseBody,
  chosenBody,
  describeRoles,
  isAdminIn,
  isStaffIn,
  personIdIn,
  providerIdIn,
  storedBody,
  subscribeToStoredBody,
} from '../session';
import { SessionContext, type Session } from './session-context';
import { UnreadBadge } from './unread-badge';

/** The signed-in frame: header, navigation (a drawer at phone width), body picker and sign-out. */
export function AppLayout() {
  const { data: me } = useQuery(meQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const choice = useSyncExternalStore(subscribeToStoredBody, storedBody);
  const [signingOut, setSigningOut] = useState(false);
  const params = useParams({ strict: false });
  const bodies = useMemo(() => (me ? bodiesOf(me) : []), [me]);
  const urlBody = params.bodyId !== undefined && bodies.includes(params.bodyId) ? params.bodyId : null;
  const bodyId = urlBody ?? (me ? chosenBody(me, choice) : null);

  // Opening a page of another body makes it the current one (only when the address changes: picking
  // another body while on such a page leaves it for the home page).
  useEffect(() => {
    if (urlBody !== null) chooseBody(urlBody);
  }, [urlBody]);

  const pickBody = useCallback(
    (next: string) => {
      chooseBody(next);
      close();
      void navigate({ to: '/' });
    },
    [close, navigate],
  );

  const session = useMemo<Session | null>(() => (me ? { me, bodyId, chooseBody: pickBody } : null), [me, bodyId, pickBody]);
  if (!me || !session) return <Navigate to="/sign-in" />;

  const personId = bodyId ? personIdIn(me, bodyId) : null;
  const staff = bodyId ? isStaffIn(me, bodyId) : false;
  const admin = bodyId ? isAdminIn(me, bodyId) : false;
  const providerId = bodyId ? providerIdIn(me, bodyId) : null;

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut(queryClient);
    } finally {
      setSigningOut(false);
      void navigate({ to: '/sign-in' });
    }
  }

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={opened}
                aria-controls="app-navigation"
              />
              <AnchorLink to="/" fw={700} fz="lg" underline="never" onClick={close}>
                Recert
              </AnchorLink>
            </Group>
            <Text size="sm" c="dimmed" truncate="end" visibleFrom="xs">
              {me.user.displayName}
            </Text>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="app-navigation" aria-label="Main navigation">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap="xs">
              {bodies.length > 1 && bodyId !== null && (
                <NativeSelect
                  label="Body"
                  description="The credentialing body you are working with"
                  value={bodyId}
                  data={bodies.map((id) => ({ value: id, label: `${bodyNameOf(me, id)} (${describeRoles(me, id)})` }))}
                  onChange={(event) => pickBody(event.currentTarget.value)}
                  mb="sm"
                />
              )}
              {bodies.length === 1 && bodyId !== null && (
                <Text size="sm" fw={600} px="xs" mb="xs">
                  {bodyNameOf(me, bodyId)}
                </Text>
              )}
              {bodyId !== null && (
                <Box component="nav" aria-label="Pages">
                  {personId !== null && (
                    <>
                      <NavLinkLink to="/" label="My dashboard" onClick={close} activeOptions={{ exact: true }} />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/activities"
                        params={{ bodyId, personId }}
                        label="My CE activities"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/inbox"
                        params={{ bodyId, personId }}
                        label="My notices"
                        rightSection={<UnreadBadge bodyId={bodyId} personId={personId} />}
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/profile"
                        params={{ bodyId, personId }}
                        label="My profile"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/invoices"
                        params={{ bodyId, personId }}
                        label="My invoices"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/renewals"
                        params={{ bodyId, personId }}
                        label="My renewals"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/extensions"
                        params={{ bodyId, personId }}
                        label="My extensions"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/people/$personId/credentials"
                        params={{ bodyId, personId }}
                        label="My credentials"
                        onClick={close}
                      />
                    </>
                  )}
                  {providerId !== null && (
                    <>
                      <NavLinkLink
                        to="/bodies/$bodyId/provider"
                        params={{ bodyId }}
                        label="My CE provider"
                        onClick={close}
                        activeOptions={{ exact: true }}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/provider/applications"
                        params={{ bodyId }}
                        label="Applications"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/provider/offerings"
                        params={{ bodyId }}
                        label="Offerings"
                        onClick={close}
                      />
                    </>
                  )}
                  {staff && (
                    <>
                      <NavLinkLink
                        to={personId === null ? '/' : '/bodies/$bodyId/people'}
                        params={{ bodyId }}
                        label="Find a certificant"
                        onClick={close}
                        activeOptions={{ exact: true }}
                      />
                      <NavLinkLink to="/bodies/$bodyId/reviews" params={{ bodyId }} label="Review queue" onClick={close} />
                      <NavLinkLink
                        to="/bodies/$bodyId/renewals"
                        params={{ bodyId }}
                        label="Renewal applications"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/extensions"
                        params={{ bodyId }}
                        label="Extension requests"
                        onClick={close}
                      />
                      <NavLinkLink to="/bodies/$bodyId/invoices" params={{ bodyId }} label="Invoices" onClick={close} />
                      <NavLinkLink
                        to="/bodies/$bodyId/overview"
                        params={{ bodyId }}
                        label="Compliance overview"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/providers"
                        params={{ bodyId }}
                        label="CE providers"
                        onClick={close}
                        activeOptions={{ exact: true }}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/applications"
                        params={{ bodyId }}
                        label="Pre-approval queue"
                        onClick={close}
                      />
                      <NavLinkLink to="/bodies/$bodyId/appeals" params={{ bodyId }} label="Provider appeals" onClick={close} />
                      <NavLinkLink
                        to="/bodies/$bodyId/confirmations"
                        params={{ bodyId }}
                        label="Overdue confirmations"
                        onClick={close}
                      />
                    </>
                  )}
                  {admin && (
                    <>
                      <NavLinkLink to="/bodies/$bodyId/people/add" params={{ bodyId }} label="Add certificants" onClick={close} />
                      <NavLinkLink
                        to="/bodies/$bodyId/duplicates"
                        params={{ bodyId }}
                        label="Likely duplicates"
                        onClick={close}
                      />
                      <NavLinkLink
                        to="/bodies/$bodyId/standing-appeals"
                        params={{ bodyId }}
                        label="Standing appeals"
                        onClick={close}
                      />
                    </>
                  )}
                  {personId === null && <NavLinkLink to="/account" label="My sign-in addresses" onClick={close} />}
                  <NavLinkLink to="/calendar/$bodyId" params={{ bodyId }} label="Public CE calendar" onClick={close} />
                  <NavLinkLink to="/standing/$bodyId" params={{ bodyId }} label="Good standing lookup" onClick={close} />
                  <NavLinkLink to="/verify" label="Verify a credential" onClick={close} />
                </Box>
              )}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="sm" c="dimmed" hiddenFrom="xs" mb="xs">
              Signed in as {me.user.displayName}
            </Text>
            <Button variant="default" fullWidth onClick={() => void handleSignOut()} loading={signingOut}>
              Sign out
            </Button>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Box maw={1100} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </SessionContext.Provider>
  );
}
