// The account pages (login, sign-up, password reset, email verification),
// like the other public pages in accessibility.e2e.mjs: screenshots and an
// axe-core scan in every language, at desktop and mobile widths.

import { env } from '../browser.mjs'
import { demoPages } from '../demo.mjs'
import { ACCOUNT_PAGES, scanPages } from './scan-pages.mjs'

const pages = await demoPages(env().baseURL)

scanPages(
  'account pages: screenshots and axe-core',
  pages.filter((p) => ACCOUNT_PAGES.has(p.name)),
)
