// Every public page but the account ones (accessibility-accounts.e2e.mjs),
// in every language, at desktop and mobile widths: a screenshot for people
// to look at, and an axe-core scan that fails on any serious or critical
// violation.

import { env } from '../browser.mjs'
import { demoPages } from '../demo.mjs'
import { ACCOUNT_PAGES, scanPages } from './scan-pages.mjs'

const pages = await demoPages(env().baseURL)

scanPages(
  'public pages: screenshots and axe-core',
  pages.filter((p) => !ACCOUNT_PAGES.has(p.name)),
  { selfCheck: true },
)
