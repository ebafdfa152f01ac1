import i18n from 'i18next'
import { describe, expect, it } from 'vitest'
import { SUPPORTED_LANGUAGES } from '.'

// Each workspace area's texts arrive with the area's code, not with the
// first download: they exist once its catalogue module has loaded, in
// every language.
describe('workspace areas load their texts', () => {
  it.each([
    ['supplier', () => import('../workspace/supplier/catalogue')],
    ['buyer', () => import('../workspace/buyer/catalogue')],
    ['moderation', () => import('../workspace/moderation/catalogue')],
    ['settings', () => import('../workspace/settings/catalogue')],
    ['opendata', () => import('../pages/statistics/catalogue')],
    ['purchases', () => import('../workspace/purchases/catalogue')],
  ])('%s', async (area, load) => {
    await load()
    for (const language of SUPPORTED_LANGUAGES) {
      expect(i18n.exists(`${area}.title`, { lng: language }), `${area}.title in ${language}`).toBe(true)
    }
  })

  it('the public pages and the workspace frame are there from the start', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(i18n.exists('search.title', { lng: language })).toBe(true)
      expect(i18n.exists('workspace.nav.home', { lng: language })).toBe(true)
    }
  })
})
