import {
  Alert,
  Button,
  Card,
  Fieldset,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { registerProvider } from '../api/providers';
import { meQuery, signIn, type Me } from '../api/queries';
import { KNOWN_BODIES } from '../bodies';
import { AnchorLink } from '../components/links';
import { NEW_PASSWORD_HINT, visibilityToggle } from '../components/passwords';
import { ProblemAlert, ProblemList } from '../components/problem-alert';
import { ProviderFields } from '../components/provider-fields';
import { capitalize } from '../format';
import { PublicLayout } from '../layout/public-layout';
import {
  ACCOUNT_LABELS,
  checkRegistration,
  EMPTY_ACCOUNT,
  EMPTY_PROVIDER,
  firstErrorId,
  NO_PROVIDER_ERRORS,
  problemSummary,
  providerErrors,
  type AccountField,
  type AccountValues,
  type ProviderErrors,
  type ProviderField,
  type ProviderValues,
} from '../providers/provider-form';
import { chooseBody, providerIdIn } from '../session';

const route = getRouteApi('/become-a-provider');

/**
 * Anyone registers a CE provider with a body: someone signed in with their own account, anyone else
 * with a new one (signed in with it right after). They land on the provider's home.
 */
export function BecomeProviderPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const [bodyId, setBodyId] = useState(search.body ?? (KNOWN_BODIES.length === 1 ? KNOWN_BODIES[0]!.id : ''));
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [values, setValues] = useState<ProviderValues>(EMPTY_PROVIDER);
  const [account, setAccount] = useState<AccountValues>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<ProviderErrors>(NO_PROVIDER_ERRORS);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);
  const signedIn = me !== null && me !== undefined;
  const alreadyProvider = signedIn && bodyId !== '' && providerIdIn(me, bodyId) !== null;

  function set<K extends ProviderField>(field: K, value: ProviderValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors.provider[field]) setErrors((current) => ({ ...current, provider: { ...current.provider, [field]: undefined } }));
  }

  function setAccountField(field: AccountField, value: string) {
    setAccount((current) => ({ ...current, [field]: value }));
    if (errors.account[field]) setErrors((current) => ({ ...current, account: { ...current.account, [field]: undefined } }));
  }

  function focusFirst(found: ProviderErrors) {
    const id = firstErrorId(found, 'register');
    if (id) document.getElementById(id)?.focus();
  }

  async function land(next: Me | null | undefined) {
    chooseBody(bodyId);
    const providerId = next ? providerIdIn(next, bodyId) : null;
    await navigate(providerId ? { to: '/bodies/$bodyId/provider', params: { bodyId } } : { to: '/' });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = checkRegistration(values, signedIn ? null : account);
    const missingBody = bodyId === '' ? 'Choose the body whose pre-approval you apply for' : undefined;
    setBodyError(missingBody);
    setErrors(checked.errors ?? NO_PROVIDER_ERRORS);
    if (missingBody) {
      document.getElementById('register-body')?.focus();
      return;
    }
    if (!checked.body) {
      focusFirst(checked.errors);
      return;
    }
    setSaving(true);
    try {
      await registerProvider(bodyId, checked.body);
    } catch (error) {
      setSaving(false);
      setProblem(error);
      if (isApiError(error) && error.errors.length > 0) {
        const fromServer = providerErrors(error.errors);
        setErrors(fromServer);
        focusFirst(fromServer);
      } else {
        requestAnimationFrame(() => problemRef.current?.focus());
      }
      return;
    }
    try {
      if (signedIn) {
        // The new membership: who is signed in now acts for the provider too.
        await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
        await land(await queryClient.fetchQuery(meQuery));
      } else {
        await land(await signIn(queryClient, { email: account.email.trim(), password: account.password }));
      }
    } catch (error) {
      setProblem(new Error(`The provider was registered, but signing in failed: ${error instanceof Error ? error.message : ''}`));
      requestAnimationFrame(() => problemRef.current?.focus());
    } finally {
      setSaving(false);
    }
  }

  const summary = [...(bodyError ? [`Credentialing body: ${bodyError}`] : []), ...problemSummary(errors)];
  const accountError = (field: AccountField) => (errors.account[field] ? capitalize(errors.account[field]) : undefined);

  return (
    <PublicLayout maw={760}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            Become a CE provider
          </Title>
          <Text c="dimmed" size="sm">
            Register your institution, agency, organization, company or yourself as a provider of continuing education. Once
            registered, you apply for pre-approval of your offerings; approved offerings appear on the body&apos;s public CE
            calendar with their approval code.
          </Text>
        </div>
        <Card withBorder padding="lg">
          <form onSubmit={(event) => void submit(event)} noValidate aria-label="Register a CE provider">
            <Stack gap="md">
              <div ref={problemRef} tabIndex={-1} style={{ outline: 'none' }}>
                {problem !== null && (
                  <ProblemAlert
                    error={problem}
                    title="The provider was not registered"
                    withIssues={!isApiError(problem) || problem.errors.length === 0}
                  />
                )}
              </div>
              <NativeSelect
                id="register-body"
                label="Credentialing body"
                description="The body whose pre-approval you apply for; register once with each body."
                required
                value={bodyId}
                onChange={(event) => {
                  setBodyId(event.currentTarget.value);
                  setBodyError(undefined);
                }}
                data={[
                  { value: '', label: 'Choose a body', disabled: true },
                  ...KNOWN_BODIES.map((body) => ({ value: body.id, label: body.name })),
                ]}
                error={bodyError}
              />
              {alreadyProvider && (
                <Alert color="blue" variant="light" title="You already act for a provider of this body">
                  <AnchorLink to="/bodies/$bodyId/provider" params={{ bodyId }}>
                    Open your provider&apos;s page
                  </AnchorLink>
                </Alert>
              )}

              <Fieldset legend="The provider" variant="unstyled">
                <ProviderFields idPrefix="register" values={values} errors={errors.provider} onChange={set} />
              </Fieldset>

              {signedIn ? (
                <Text size="sm">
                  You register as <strong>{me.user.displayName}</strong> and act for the provider with the account you are signed
                  in with.
                </Text>
              ) : (
                <Fieldset legend="Your account" variant="filled" p="sm">
                  <Stack gap="sm">
                    <Text size="sm" c="dimmed">
                      You sign in with it to act for the provider. Already have an account?{' '}
                      <AnchorLink to="/sign-in" search={{ redirect: '/become-a-provider' }}>
                        Sign in first
                      </AnchorLink>
                      .
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <TextInput
                        id="register-account-displayName"
                        label={ACCOUNT_LABELS.displayName}
                        required
                        autoComplete="name"
                        maxLength={200}
                        value={account.displayName}
                        onChange={(event) => setAccountField('displayName', event.currentTarget.value)}
                        error={accountError('displayName')}
                      />
                      <TextInput
                        id="register-account-email"
                        label={ACCOUNT_LABELS.email}
                        required
                        type="email"
                        inputMode="email"
                        autoComplete="username"
                        maxLength={320}
                        value={account.email}
                        onChange={(event) => setAccountField('email', event.currentTarget.value)}
                        error={accountError('email')}
                      />
                    </SimpleGrid>
                    <PasswordInput
                      id="register-account-password"
                      visibilityToggleButtonProps={visibilityToggle}
                      label={ACCOUNT_LABELS.password}
                      description={NEW_PASSWORD_HINT}
                      required
                      autoComplete="new-password"
                      value={account.password}
                      onChange={(event) => setAccountField('password', event.currentTarget.value)}
                      error={accountError('password')}
                    />
                  </Stack>
                </Fieldset>
              )}

              <ProblemList lines={summary} />
              <Button type="submit" loading={saving} w={{ base: '100%', xs: 'auto' }} style={{ alignSelf: 'flex-end' }}>
                Register provider
              </Button>
            </Stack>
          </form>
        </Card>
      </Stack>
    </PublicLayout>
  );
}
