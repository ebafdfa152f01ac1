import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { reasonError, reasonPayload } from './reasons'

const templates = [
  { code: 'incomplete_description', title: 'Incomplete description', text: 'The description is incomplete.', texts: {} },
  { code: 'spam', title: 'Spam', text: 'This looks like spam.', texts: {} },
]

describe('reasonPayload', () => {
  it('sends a template left as it is by its code, so each reader gets their language', () => {
    expect(reasonPayload({ template: 'spam', text: 'This looks like spam.' }, templates)).toEqual({ reason_template: 'spam' })
    expect(reasonPayload({ template: 'spam', text: '  This looks like spam.\n' }, templates)).toEqual({ reason_template: 'spam' })
  })

  it('sends text added after the template as the reason, with the template', () => {
    expect(reasonPayload({ template: 'spam', text: 'This looks like spam. Three links to a shop.' }, templates)).toEqual({
      reason_template: 'spam',
      reason: 'Three links to a shop.',
    })
  })

  it('sends a rewritten template as the moderator’s own text only', () => {
    expect(reasonPayload({ template: 'spam', text: 'Please remove the shop links.' }, templates)).toEqual({
      reason: 'Please remove the shop links.',
    })
  })

  it('sends free text without a template, and nothing for an empty box', () => {
    expect(reasonPayload({ template: '', text: ' Own words ' }, templates)).toEqual({ reason: 'Own words' })
    expect(reasonPayload({ template: '', text: '   ' }, templates)).toEqual({})
    expect(reasonPayload({ template: 'spam', text: '' }, templates)).toEqual({})
  })
})

describe('reasonError', () => {
  const t = i18n.getFixedT('en')
  it('requires a reason only when the decision needs one', () => {
    expect(reasonError({ template: '', text: '' }, templates, true, t)).toBe(t('moderation.decision.reasonRequired'))
    expect(reasonError({ template: '', text: '' }, templates, false, t)).toBeNull()
    expect(reasonError({ template: 'spam', text: 'This looks like spam.' }, templates, true, t)).toBeNull()
  })

  it('keeps the moderator’s own text within 2,000 characters', () => {
    expect(reasonError({ template: '', text: 'x'.repeat(2000) }, templates, true, t)).toBeNull()
    expect(reasonError({ template: '', text: 'x'.repeat(2001) }, templates, true, t)).toBe(
      t('workspace.form.tooLong', { max: 2000 }),
    )
  })
})
