import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQuery } from './api/queries';
import { PROVIDER_STATUSES, type ProviderStatus } from '../server/providers/provider-kinds';
import { isAuditKind, type AuditKind } from './audit/audit-kinds';
import { lookupFrom } from './credentials/standing';
import { AppLayout } from './layout/app-layout';
import { NotFound, RouteError, RoutePending } from './layout/route-states';
import { calendarFiltersFrom } from './providers/calendar-filters';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Only a path inside this app: never another origin ("//evil.example") or a scheme. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; reset?: 'done' } => {
    const target = safeRedirect(search.redirect);
    return { ...(target ? { redirect: target } : {}), ...(search.reset === 'done' ? { reset: 'done' as const } : {}) };
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./pages/sign-in-page'), 'SignInPage'),
});

/** Asking for a password reset link: open to anyone, signed in or not. */
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  // A signed-in visitor's requests carry the session's CSRF token: know who is signed in first.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/password-reset-pages'), 'ForgotPasswordPage'),
});

/** Where the e-mailed link leads: `/reset-password?token=...`. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' && search.token !== '' ? { token: search.token } : {},
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/password-reset-pages'), 'ResetPasswordPage'),
});

/** The body's public CE calendar: open to anyone; the filters are in the address. */
const ceCalendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendar/$bodyId',
  validateSearch: calendarFiltersFrom,
  // Signed in or not: the page's header offers the way back or the sign-in.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/ce-calendar-page'), 'CeCalendarPage'),
});

/** The body's public good-standing lookup: open to anyone; the lookup is in the address. */
const goodStandingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/standing/$bodyId',
  validateSearch: lookupFrom,
  // Signed in or not: the page's header offers the way back or the sign-in.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/good-standing-page'), 'GoodStandingPage'),
});

/** Where a certificate's link and QR code lead: a credential's status now, open to anyone. */
const verifyCredentialRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$credentialId',
  // Signed in or not: the page's header offers the way back or the sign-in.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/credentials/verify-credential-page'), 'VerifyCredentialPage'),
});

/** Verifying a pasted or uploaded credential: open to anyone. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify',
  // A signed-in visitor's verification carries the session's CSRF token: know who is signed in first.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/credentials/verify-page'), 'VerifyPage'),
});

/** Registering a CE provider: open to anyone; someone signed in registers with their account. */
const becomeProviderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/become-a-provider',
  validateSearch: (search: Record<string, unknown>): { body?: string } =>
    typeof search.body === 'string' && /^[a-z0-9-]{1,64}$/.test(search.body) ? { body: search.body } : {},
  // A signed-in visitor's request carries the session's CSRF token: know who is signed in first.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/become-provider-page'), 'BecomeProviderPage'),
});

/** The pay link a certificant gives their employer: open to anyone holding it. */
const payRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pay/$bodyId/$token',
  // A signed-in visitor's payment carries the session's CSRF token: know who is signed in first.
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: lazyRouteComponent(() => import('./pages/billing/pay-page'), 'PayPage'),
});

/** Everything behind sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/home-page'), 'HomePage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {},
  component: lazyRouteComponent(() => import('./pages/people-page'), 'PeoplePage'),
});

const addPeopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/add',
  component: lazyRouteComponent(() => import('./pages/add-people-page'), 'AddPeoplePage'),
});

const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/overview',
  component: lazyRouteComponent(() => import('./pages/overview-page'), 'OverviewPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/reviews',
  component: lazyRouteComponent(() => import('./pages/reviews-page'), 'ReviewsPage'),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/duplicates',
  component: lazyRouteComponent(() => import('./pages/duplicates-page'), 'DuplicatesPage'),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId',
  component: lazyRouteComponent(() => import('./pages/person-page'), 'PersonPage'),
});

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/activities',
  component: lazyRouteComponent(() => import('./pages/activities-page'), 'ActivitiesPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/profile',
  component: lazyRouteComponent(() => import('./pages/profile-page'), 'ProfilePage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/audit',
  validateSearch: (search: Record<string, unknown>): { action?: AuditKind } =>
    isAuditKind(search.action) ? { action: search.action } : {},
  component: lazyRouteComponent(() => import('./pages/audit-page'), 'AuditPage'),
});

const personInvoicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/invoices',
  component: lazyRouteComponent(() => import('./pages/billing/invoices-page'), 'InvoicesPage'),
});

const invoicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/invoices',
  // Unpaid unless the address says otherwise.
  validateSearch: (search: Record<string, unknown>): { status?: 'paid' | 'all' } =>
    search.status === 'paid' || search.status === 'all' ? { status: search.status } : {},
  component: lazyRouteComponent(() => import('./pages/billing/unpaid-invoices-page'), 'UnpaidInvoicesPage'),
});

const invoiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/invoices/$invoiceId',
  component: lazyRouteComponent(() => import('./pages/billing/invoice-page'), 'InvoicePage'),
});

/** A person's notices (reminders, decisions) and which of them they are e-mailed. */
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/inbox',
  component: lazyRouteComponent(() => import('./pages/inbox/inbox-page'), 'InboxPage'),
});

const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/notification-preferences',
  component: lazyRouteComponent(() => import('./pages/inbox/notification-preferences-page'), 'NotificationPreferencesPage'),
});

/** A person's verifiable credentials: the certificate, the signed credential and their links. */
const personCredentialsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/credentials',
  component: lazyRouteComponent(() => import('./pages/credentials/person-credentials-page'), 'PersonCredentialsPage'),
});

/** Renewal applications: a person's certifications, one certification's renewal, staff's queue and one application. */
const personRenewalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/renewals',
  component: lazyRouteComponent(() => import('./pages/renewals/person-renewals-page'), 'PersonRenewalsPage'),
});

const renewalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/renewals/$certificationId',
  component: lazyRouteComponent(() => import('./pages/renewals/renewal-page'), 'RenewalPage'),
});

const renewalQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/renewals',
  component: lazyRouteComponent(() => import('./pages/renewals/renewal-queue-page'), 'RenewalQueuePage'),
});

const staffRenewalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/renewal-applications/$renewalId',
  component: lazyRouteComponent(() => import('./pages/renewals/staff-renewal-page'), 'StaffRenewalPage'),
});

/** A person's extensions: the terms, the request form, the requests made. */
const personExtensionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/extensions',
  component: lazyRouteComponent(() => import('./pages/extensions/person-extensions-page'), 'PersonExtensionsPage'),
});

const extensionQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/extensions',
  component: lazyRouteComponent(() => import('./pages/extensions/extension-queue-page'), 'ExtensionQueuePage'),
});

/** Ethics decisions on a person's certifications and their appeals. */
const personStandingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/people/$personId/standing',
  component: lazyRouteComponent(() => import('./pages/standing/person-standing-page'), 'PersonStandingPage'),
});

const standingAppealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/standing-appeals',
  component: lazyRouteComponent(() => import('./pages/standing/standing-appeals-page'), 'StandingAppealsPage'),
});

/** A CE provider's own page (its users). */
const providerHomeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/provider',
  component: lazyRouteComponent(() => import('./pages/provider-home-page'), 'ProviderHomePage'),
});

const providerApplicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/provider/applications',
  component: lazyRouteComponent(() => import('./pages/provider-applications-page'), 'ProviderApplicationsPage'),
});

const providerApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/provider/applications/$applicationId',
  component: lazyRouteComponent(() => import('./pages/provider-application-page'), 'ProviderApplicationPage'),
});

const providerOfferingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/provider/offerings',
  component: lazyRouteComponent(() => import('./pages/provider-offerings-page'), 'ProviderOfferingsPage'),
});

/** Staff: submitted applications by their decision deadline. */
const applicationQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/applications',
  component: lazyRouteComponent(() => import('./pages/application-queue-page'), 'ApplicationQueuePage'),
});

const staffApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/providers/$providerId/applications/$applicationId',
  component: lazyRouteComponent(() => import('./pages/staff-application-page'), 'StaffApplicationPage'),
});

const overdueConfirmationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/confirmations',
  component: lazyRouteComponent(() => import('./pages/overdue-confirmations-page'), 'OverdueConfirmationsPage'),
});

const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/providers',
  validateSearch: (search: Record<string, unknown>): { q?: string; status?: ProviderStatus } => ({
    ...(typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {}),
    ...(PROVIDER_STATUSES.includes(search.status as ProviderStatus) ? { status: search.status as ProviderStatus } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/providers-page'), 'ProvidersPage'),
});

const providerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/providers/$providerId',
  component: lazyRouteComponent(() => import('./pages/provider-page'), 'ProviderPage'),
});

const appealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bodies/$bodyId/appeals',
  component: lazyRouteComponent(() => import('./pages/appeals-page'), 'AppealsPage'),
});

/** The signed-in user's own sign-in addresses, for those with no certificant record (staff). */
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./pages/account-page'), 'AccountPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  ceCalendarRoute,
  goodStandingRoute,
  verifyCredentialRoute,
  verifyRoute,
  becomeProviderRoute,
  payRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    peopleRoute,
    addPeopleRoute,
    personRoute,
    activitiesRoute,
    profileRoute,
    auditRoute,
    personInvoicesRoute,
    personCredentialsRoute,
    invoicesRoute,
    invoiceRoute,
    overviewRoute,
    reviewsRoute,
    personRenewalsRoute,
    renewalRoute,
    renewalQueueRoute,
    staffRenewalRoute,
    personExtensionsRoute,
    inboxRoute,
    notificationPreferencesRoute,
    extensionQueueRoute,
    personStandingRoute,
    standingAppealsRoute,
    duplicatesRoute,
    providerHomeRoute,
    providersRoute,
    providerRoute,
    appealsRoute,
    providerApplicationsRoute,
    providerApplicationRoute,
    providerOfferingsRoute,
    applicationQueueRoute,
    staffApplicationRoute,
    overdueConfirmationsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data is cached by React Query; the router only preloads code.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
