import { describe, expect, it } from 'vitest'
import { queryParams } from './queryParams'

describe('queryParams', () => {
  it('leaves out undefined and empty parameters, keeps the others as they are', () => {
    expect(queryParams({ cursor: '', kind: undefined, q: 'bois', limit: 20, page: 0, draft: false, kinds: ['supplier'] })).toEqual({
      q: 'bois',
      limit: 20,
      page: 0,
      draft: false,
      kinds: ['supplier'],
    })
  })

  it('gives an empty object when nothing is set', () => {
    expect(queryParams({ cursor: '', state: undefined })).toEqual({})
  })
})
