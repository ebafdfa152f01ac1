import { describe, expect, it } from 'vitest'
import { auditChanges, auditExportURL, auditFiltersFrom, auditQuery, auditSearchParams } from './audit'

const none = auditFiltersFrom(new URLSearchParams())

describe('audit filters', () => {
  it('turn days into the API’s times: from the start of the first day to the end of the last (exclusive)', () => {
    const query = auditQuery({ ...none, from: '2026-11-01', to: '2026-11-30' })
    expect(new Date(query.from!).getTime()).toBe(new Date(2026, 10, 1).getTime())
    expect(new Date(query.to!).getTime()).toBe(new Date(2026, 11, 1).getTime())
  })

  it('give the export the same filters as the list', () => {
    const filters = { ...none, action: ' organisation. ', organisation: 'org-1', from: '2026-11-01' }
    const url = new URL(auditExportURL(filters), 'http://x')
    expect(url.pathname).toBe('/api/v1/admin/audit/export')
    expect(Object.fromEntries(url.searchParams)).toEqual(auditQuery(filters))
    expect(url.searchParams.get('action')).toBe('organisation.')
    expect(url.searchParams.has('actor')).toBe(false)
    expect(auditExportURL(none)).toBe('/api/v1/admin/audit/export')
  })

  it('round-trip through the address, ignoring malformed days', () => {
    const filters = { ...none, subject_type: 'offer', to: '2026-11-30' }
    expect(auditFiltersFrom(auditSearchParams(filters))).toEqual(filters)
    expect(auditFiltersFrom(new URLSearchParams('from=yesterday')).from).toBe('')
  })
})

describe('auditChanges', () => {
  it('lists only the fields that changed, appeared or went', () => {
    expect(
      auditChanges({ state: 'pending', title: 'A', gone: 1 }, { state: 'published', title: 'A', added: ['x'] }),
    ).toEqual([
      { field: 'added', after: ['x'] },
      { field: 'gone', before: 1 },
      { field: 'state', before: 'pending', after: 'published' },
    ])
    expect(auditChanges(undefined, { answer: 'interested' })).toEqual([{ field: 'answer', after: 'interested' }])
  })
})
