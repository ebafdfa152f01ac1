import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy } from 'react'
import { BrowserRouter, MemoryRouter, Route, Routes } from 'react-router'
import { ApiError } from './api/client'
import { Layout } from './layout/Layout'
import { RequireSignIn } from './workspace/RequireSignIn'
import { WorkspaceLayout } from './workspace/WorkspaceLayout'
import { cssVariablesResolver, theme } from './theme'

export { PRODUCT_NAME } from './layout/Layout'

// Every page is its own chunk: the first load carries the frame only.
const HomePage = lazy(() => import('./pages/HomePage'))
const SearchPage = lazy(() => import('./pages/search/SearchPage'))
const OfferPage = lazy(() => import('./pages/OfferPage'))
const TenderPage = lazy(() => import('./pages/tender/TenderPage'))
const OrganisationPage = lazy(() => import('./pages/OrganisationPage'))
const LoginPage = lazy(() => import('./pages/auth/LoginPage'))
const SignupPage = lazy(() => import('./pages/auth/SignupPage'))
const ResetPasswordPage = lazy(() => import('./pages/auth/ResetPasswordPage'))
const VerifyEmailPage = lazy(() => import('./pages/auth/VerifyEmailPage'))
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'))
// The signed-in workspace: one chunk per area.
const WorkspaceHomePage = lazy(() => import('./workspace/HomePage'))
const SupplierWorkspace = lazy(() => import('./workspace/supplier'))
const BuyerWorkspace = lazy(() => import('./workspace/buyer'))
const ModerationConsole = lazy(() => import('./workspace/moderation'))
const AccountSettings = lazy(() => import('./workspace/settings'))
// The impact figures (issue 10): the cluster's, for moderators; recharts loads with them.
const ClusterImpactPage = lazy(() => import('./workspace/impact'))
// Pages opened from emails' links (#token=…), signed in or not.
const AcceptInvitationPage = lazy(() => import('./workspace/settings/AcceptInvitationPage'))
const ConfirmEmailChangePage = lazy(() => import('./workspace/settings/ConfirmEmailChangePage'))

/**
 * The public pages (their paths are also used by email links and the
 * server's meta tags) and the signed-in workspace under /workspace.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="offers/:id" element={<OfferPage />} />
        <Route path="tenders/:id" element={<TenderPage />} />
        <Route path="organisations/:id" element={<OrganisationPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignupPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="confirm-email" element={<ConfirmEmailChangePage />} />
        <Route
          path="workspace"
          element={
            <RequireSignIn>
              <WorkspaceLayout />
            </RequireSignIn>
          }
        >
          <Route index element={<WorkspaceHomePage />} />
          <Route path="supplier/*" element={<SupplierWorkspace />} />
          <Route path="buyer/*" element={<BuyerWorkspace />} />
          <Route path="moderation/*" element={<ModerationConsole />} />
          <Route path="account/*" element={<AccountSettings />} />
          <Route path="impact" element={<ClusterImpactPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}

/** A query client that does not retry what retrying cannot fix (4xx). */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  })
}

/** The providers every page needs. */
export function Providers({ client, children }: { client: QueryClient; children: React.ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  )
}

/** The web app in the browser. */
export function App({ client = makeQueryClient() }: { client?: QueryClient }) {
  return (
    <Providers client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  )
}

/** The web app at a given URL, for tests. */
export function AppAt({ url, client = makeQueryClient() }: { url: string; client?: QueryClient }) {
  return (
    <Providers client={client}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>
  )
}
