import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { Route, Routes, useLocation } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import de from '../../i18n/locales/de.json'
import en from '../../i18n/locales/en.json'
import { fakeApi, type FakeAnswer, type SeenRequest } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import LoginPage from './LoginPage'
import ResetPasswordPage from './ResetPasswordPage'
import SignupPage from './SignupPage'
import VerifyEmailPage from './VerifyEmailPage'
import { safeNext } from './authForm'

const me401 = (): FakeAnswer => ({ status: 401, body: { title: 'Unauthorized', status: 401 } })
const posts = (seen: SeenRequest[], path: string) =>
  seen.filter((r) => r.method === 'POST' && r.url.pathname === path).map((r) => JSON.parse(r.body) as unknown)

/** Where the app went: the path and query of the page now shown. */
function Where() {
  const location = useLocation()
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>
}

/** The auth pages at their paths; any other path shows where the app went. */
function renderAt(url: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    url,
  )
}

const field = (name: string) => screen.getByLabelText(name, { exact: false, selector: 'input' }) as HTMLInputElement
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } })
/** The error message tied to an input (Mantine's aria-describedby), or ''. */
function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el!.textContent)
    .join(' ')
}

const strongPassword = 'Quatre-chevaux-bleus'

describe('sign-up page', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('checks the fields as the user types, and sends nothing while one is wrong', async () => {
    const seen = fakeApi({ 'GET /api/v1/me': me401 })
    renderAt('/signup')
    const name = field(en.auth.displayName)
    const email = field(en.auth.email)
    const password = field(en.auth.password)
    // The password rule is stated before anything is typed; its show/hide button speaks the reader's language.
    expect(screen.getByText('At least 12 characters, not a common password.')).toBeTruthy()
    expect(screen.getByRole('button', { name: en.auth.togglePassword, hidden: true })).toBeTruthy()

    // A field is judged once left, then at every key.
    type(email, 'claire')
    expect(errorOf(email)).toBe('')
    fireEvent.blur(email)
    expect(errorOf(email)).toBe(en.auth.check.emailFormat)
    expect(email.getAttribute('aria-invalid')).toBe('true')
    type(email, 'claire@example')
    expect(errorOf(email)).toBe(en.auth.check.emailFormat)
    type(email, 'claire@example.org')
    expect(errorOf(email)).toBe('')

    type(password, 'short')
    fireEvent.blur(password)
    expect(errorOf(password)).toBe('Too short: 5 characters of at least 12.')
    type(password, strongPassword)
    expect(errorOf(password)).toBe('')

    // Submitting with the name missing: its error shows, it takes the focus, nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: en.auth.signup.submit }))
    expect(errorOf(name)).toBe(en.auth.check.nameRequired)
    expect(document.activeElement).toBe(name)
    expect(posts(seen, '/api/v1/auth/signup')).toEqual([])
  })

  it('sends the account in the interface language and says to check the inbox', async () => {
    await act(() => i18n.changeLanguage('de'))
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/signup': () => ({ status: 202, body: { message: 'Check your inbox' } }),
    })
    renderAt('/signup')
    type(field(de.auth.displayName), '  Claire Hoffmann ')
    type(field(de.auth.email), ' claire@example.org')
    type(field(de.auth.password), strongPassword)
    fireEvent.click(screen.getByRole('button', { name: de.auth.signup.submit }))
    const status = await screen.findByRole('status')
    expect(status.textContent).toBe(de.auth.signup.done.replace('{{email}}', 'claire@example.org'))
    // No email? The link can be sent again from there.
    expect(screen.getByText(de.auth.signup.noEmail)).toBeTruthy()
    expect(screen.getByRole('button', { name: de.auth.resend.submit })).toBeTruthy()
    expect(posts(seen, '/api/v1/auth/signup')).toEqual([
      { display_name: 'Claire Hoffmann', email: 'claire@example.org', password: strongPassword, language: 'de' },
    ])
  })

  it('puts the server’s field errors (422) on their fields until they change', async () => {
    fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/signup': () => ({
        status: 422,
        body: {
          title: 'Unprocessable Entity',
          status: 422,
          errors: [
            { location: 'password', message: 'This password is among the most common ones: choose another.' },
            { location: 'body.email', message: 'A valid email address is required.' },
          ],
        },
      }),
    })
    renderAt('/signup')
    type(field(en.auth.displayName), 'Claire')
    type(field(en.auth.email), 'claire@example.org')
    type(field(en.auth.password), 'password1234')
    fireEvent.click(screen.getByRole('button', { name: en.auth.signup.submit }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(en.auth.check.fields)
    const password = field(en.auth.password)
    expect(errorOf(password)).toBe('This password is among the most common ones: choose another.')
    expect(errorOf(field(en.auth.email))).toBe('A valid email address is required.')
    type(password, strongPassword)
    expect(errorOf(password)).toBe('')
  })

  it('says “too many attempts” on a 429', async () => {
    fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/signup': () => ({ status: 429, body: { title: 'Too Many Requests', status: 429 } }),
    })
    renderAt('/signup')
    type(field(en.auth.displayName), 'Claire')
    type(field(en.auth.email), 'claire@example.org')
    type(field(en.auth.password), strongPassword)
    fireEvent.click(screen.getByRole('button', { name: en.auth.signup.submit }))
    expect((await screen.findByRole('alert')).textContent).toContain(en.auth.tooMany)
  })
})

describe('login page', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  const user = { id: 'u1', email: 'claire@example.org', display_name: 'Claire', language: 'en', platform_role: 'user' }

  async function logIn(url: string, answer: () => FakeAnswer = () => ({ body: user })) {
    const seen = fakeApi({ 'GET /api/v1/me': me401, 'POST /api/v1/auth/login': answer })
    renderAt(url)
    type(field(en.auth.email), 'claire@example.org')
    type(field(en.auth.password), 'any password at all')
    fireEvent.click(screen.getByRole('button', { name: en.auth.login.submit }))
    return seen
  }

  it('requires both fields and checks the email format', () => {
    const seen = fakeApi({ 'GET /api/v1/me': me401 })
    renderAt('/login')
    type(field(en.auth.email), 'claire@')
    fireEvent.click(screen.getByRole('button', { name: en.auth.login.submit }))
    expect(errorOf(field(en.auth.email))).toBe(en.auth.check.emailFormat)
    expect(errorOf(field(en.auth.password))).toBe(en.auth.check.passwordRequired)
    expect(posts(seen, '/api/v1/auth/login')).toEqual([])
  })

  it('sends email and password, then opens the workspace', async () => {
    const seen = await logIn('/login')
    expect((await screen.findByTestId('where')).textContent).toBe('/workspace')
    expect(posts(seen, '/api/v1/auth/login')).toEqual([{ email: 'claire@example.org', password: 'any password at all' }])
  })

  it('goes back to ?next= when it is a path of this site', async () => {
    await logIn(`/login?next=${encodeURIComponent('/search?q=velo&kind=offer')}`)
    expect((await screen.findByTestId('where')).textContent).toBe('/search?q=velo&kind=offer')
  })

  for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    it(`refuses ?next=${next} and opens the workspace instead`, async () => {
      await logIn(`/login?next=${encodeURIComponent(next)}`)
      expect((await screen.findByTestId('where')).textContent).toBe('/workspace')
    })
  }

  it('says the email or password is wrong (401) in the reader’s language', async () => {
    await act(() => i18n.changeLanguage('de'))
    fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/login': () => ({
        status: 401,
        body: { title: 'Unauthorized', status: 401, detail: 'Wrong email or password.' },
      }),
    })
    renderAt('/login')
    type(field(de.auth.email), 'claire@example.org')
    type(field(de.auth.password), 'wrong')
    fireEvent.click(screen.getByRole('button', { name: de.auth.login.submit }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(de.auth.login.wrong)
    expect(alert.textContent).not.toContain('Wrong email')
    expect(screen.queryByTestId('where')).toBeNull()
  })

  it('says “too many attempts” on a 429', async () => {
    await logIn('/login', () => ({ status: 429, body: { title: 'Too Many Requests', status: 429 } }))
    expect((await screen.findByRole('alert')).textContent).toContain(en.auth.tooMany)
  })

  it('offers to send the confirmation link again to an unverified account (403)', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/login': () => ({ status: 403, body: { title: 'Forbidden', status: 403 } }),
      'POST /api/v1/auth/resend-verification': () => ({ status: 202, body: { message: 'ok' } }),
    })
    renderAt('/login')
    type(field(en.auth.email), 'claire@example.org')
    type(field(en.auth.password), strongPassword)
    fireEvent.click(screen.getByRole('button', { name: en.auth.login.submit }))
    expect((await screen.findByRole('alert')).textContent).toContain(en.auth.login.unverified)
    fireEvent.click(screen.getByRole('button', { name: en.auth.resend.submit }))
    expect(await screen.findByText(en.auth.resend.sent)).toBeTruthy()
    expect(posts(seen, '/api/v1/auth/resend-verification')).toEqual([{ email: 'claire@example.org' }])
  })
})

describe('login page when already signed in', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('says who is signed in and leads on to ?next=', async () => {
    fakeApi({ 'GET /api/v1/me': () => ({ body: { id: 'u1', display_name: 'Claire', email: 'c@example.org' } }) })
    renderAt(`/login?next=${encodeURIComponent('/offers/o1')}`)
    const status = await screen.findByText('You are already logged in as Claire.', { exact: false })
    expect(within(status).getByRole('link', { name: en.auth.login.continue }).getAttribute('href')).toBe('/offers/o1')
  })
})

describe('safeNext', () => {
  it('keeps paths of this site and refuses everything else', () => {
    expect(safeNext('/offers/1?x=1#top')).toBe('/offers/1?x=1#top')
    for (const bad of [null, '', 'search', '//evil', '/\\evil', 'https://evil/', 'javascript:x', '/\t/evil', '/\n/evil', '/.//evil.com', '/..//evil.com/x', '/a/..//evil.com', '/%2e//evil.com']) {
      expect(safeNext(bad), JSON.stringify(bad)).toBe('/workspace')
    }
  })
})

describe('password reset page', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('asks for a link by email once the address is complete', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/password-reset': () => ({ status: 202, body: { message: 'ok' } }),
    })
    renderAt('/reset-password')
    const email = field(en.auth.email)
    fireEvent.click(screen.getByRole('button', { name: en.auth.reset.send }))
    expect(errorOf(email)).toBe(en.auth.check.emailRequired)
    type(email, 'claire@example.org')
    expect(errorOf(email)).toBe('')
    fireEvent.click(screen.getByRole('button', { name: en.auth.reset.send }))
    expect((await screen.findByRole('status')).textContent).toBe(
      en.auth.reset.sent.replace('{{email}}', 'claire@example.org'),
    )
    expect(posts(seen, '/api/v1/auth/password-reset')).toEqual([{ email: 'claire@example.org' }])
  })

  for (const [where, url] of [
    ['#token= (as the emails write it)', '/reset-password#token=tok-123'],
    ['?token=', '/reset-password?token=tok-123'],
  ] as const) {
    it(`sets the new password with the token from ${where}`, async () => {
      const seen = fakeApi({
        'GET /api/v1/me': me401,
        'POST /api/v1/auth/password-reset/confirm': () => ({ status: 204 }),
      })
      renderAt(url)
      const password = field(en.auth.newPassword)
      type(password, 'too short')
      fireEvent.blur(password)
      expect(errorOf(password)).toBe('Too short: 9 characters of at least 12.')
      type(password, strongPassword)
      fireEvent.click(screen.getByRole('button', { name: en.auth.reset.submit }))
      const status = await screen.findByRole('status')
      expect(status.textContent).toContain(en.auth.reset.done)
      expect(within(status).getByRole('link', { name: en.account.login }).getAttribute('href')).toBe('/login')
      expect(posts(seen, '/api/v1/auth/password-reset/confirm')).toEqual([{ token: 'tok-123', password: strongPassword }])
    })
  }

  it('shows the policy’s refusal on the password field and an expired link with a way to get a new one', async () => {
    let answer: FakeAnswer = {
      status: 422,
      body: {
        status: 422,
        errors: [{ location: 'password', message: 'This password is among the most common ones: choose another.' }],
      },
    }
    fakeApi({ 'GET /api/v1/me': me401, 'POST /api/v1/auth/password-reset/confirm': () => answer })
    renderAt('/reset-password#token=tok-123')
    type(field(en.auth.newPassword), 'password1234')
    fireEvent.click(screen.getByRole('button', { name: en.auth.reset.submit }))
    await waitFor(() =>
      expect(errorOf(field(en.auth.newPassword))).toBe('This password is among the most common ones: choose another.'),
    )

    answer = { status: 410, body: { status: 410, detail: 'This link has expired; ask for a new one.' } }
    type(field(en.auth.newPassword), strongPassword)
    fireEvent.click(screen.getByRole('button', { name: en.auth.reset.submit }))
    expect((await screen.findByRole('alert')).textContent).toContain(en.auth.link.gone)
    expect(screen.getByRole('link', { name: en.auth.reset.newLink }).getAttribute('href')).toBe('/reset-password')
  })
})

describe('email verification page', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('confirms the address with the token of the emailed link (#token=), once', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/verify-email': () => ({ body: { id: 'u1', email: 'claire@example.org' } }),
    })
    renderAt('/verify-email#token=abc')
    const status = await screen.findByText(en.auth.verify.done, { exact: false })
    expect(within(status).getByRole('link', { name: en.account.login }).getAttribute('href')).toBe('/login')
    expect(posts(seen, '/api/v1/auth/verify-email')).toEqual([{ token: 'abc' }])
  })

  it('accepts ?token= too', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/verify-email': () => ({ body: { id: 'u1' } }),
    })
    renderAt('/verify-email?token=xyz')
    expect(await screen.findByText(en.auth.verify.done, { exact: false })).toBeTruthy()
    expect(posts(seen, '/api/v1/auth/verify-email')).toEqual([{ token: 'xyz' }])
  })

  it('explains a used or expired link (410) and sends a new one to the address given', async () => {
    const seen = fakeApi({
      'GET /api/v1/me': me401,
      'POST /api/v1/auth/verify-email': () => ({ status: 410, body: { status: 410, detail: 'This link has already been used.' } }),
      'POST /api/v1/auth/resend-verification': () => ({ status: 202, body: { message: 'ok' } }),
    })
    renderAt('/verify-email#token=old')
    expect((await screen.findByRole('alert')).textContent).toContain(en.auth.link.gone)
    const email = field(en.auth.email)
    type(email, 'claire@example')
    fireEvent.click(screen.getByRole('button', { name: en.auth.resend.submit }))
    expect(errorOf(email)).toBe(en.auth.check.emailFormat)
    type(email, 'claire@example.org')
    fireEvent.click(screen.getByRole('button', { name: en.auth.resend.submit }))
    expect(await screen.findByText(en.auth.resend.sent)).toBeTruthy()
    expect(posts(seen, '/api/v1/auth/resend-verification')).toEqual([{ email: 'claire@example.org' }])
  })

  it('says the link is incomplete without a token, and sends nothing', () => {
    const seen = fakeApi({ 'GET /api/v1/me': me401 })
    renderAt('/verify-email')
    expect(screen.getByText(en.auth.verify.noToken)).toBeTruthy()
    expect(posts(seen, '/api/v1/auth/verify-email')).toEqual([])
  })
})
