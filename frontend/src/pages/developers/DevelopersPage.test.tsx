import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { fakeApi } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { matches, operationsOf, typeName, type OpenAPIDocument } from './openapi'

const doc: OpenAPIDocument = {
  info: { title: 'Passerelle API', version: '1.2.3' },
  paths: {
    '/api/v1/ocds/releases': {
      get: {
        operationId: 'list-ocds-releases',
        summary: 'Tenders and their results as OCDS releases',
        tags: ['Open data'],
        parameters: [{ name: 'since', in: 'query', schema: { type: 'string', description: 'Only recent releases' } }],
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Package' } } } } },
      },
    },
    '/api/v1/tenders/{tenderID}': {
      get: { operationId: 'get-tender', summary: 'One tender', tags: ['Tenders'], responses: { '200': { description: 'OK' } } },
      patch: {
        operationId: 'patch-tender',
        summary: 'Change a tender',
        tags: ['Tenders'],
        security: [{ session: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: {
    schemas: {
      Package: {
        type: 'object',
        required: ['releases'],
        properties: { $schema: { type: 'string' }, releases: { type: 'array', items: { $ref: '#/components/schemas/Release' } } },
      },
    },
  },
}

describe('openapi reader', () => {
  it('lists the operations by tag, path and method, with their parameters and bodies', () => {
    const ops = operationsOf(doc)
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /api/v1/ocds/releases',
      'GET /api/v1/tenders/{tenderID}',
      'PATCH /api/v1/tenders/{tenderID}',
    ])
    expect(ops[0]?.parameters).toEqual([{ name: 'since', in: 'query', required: false, description: 'Only recent releases', type: 'string' }])
    expect(ops[0]?.signedIn).toBe(false)
    expect(ops[2]?.signedIn).toBe(true)
    expect(typeName({ type: 'array', items: { $ref: '#/components/schemas/Release' } })).toBe('Release[]')
    expect(typeName({ type: ['string', 'null'], format: 'date-time' })).toBe('string (date-time)')
  })

  it('filters by every word, in any case', () => {
    const ops = operationsOf(doc)
    expect(ops.filter((o) => matches(o, 'ocds')).length).toBe(1)
    expect(ops.filter((o) => matches(o, 'PATCH tender')).length).toBe(1)
    expect(ops.filter((o) => matches(o, 'tenders')).length).toBe(3)
    expect(ops.filter((o) => matches(o, 'nothing-like-this')).length).toBe(0)
  })
})

describe('DevelopersPage', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('lists the operations grouped by tag and filters them', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/openapi.json': () => ({ body: doc }),
    })
    renderApp('/developers')
    expect(await screen.findByRole('heading', { level: 1, name: 'API documentation' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Open data' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Tenders' })).toBeTruthy()
    expect(screen.getByText('3 operations')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Download the OpenAPI description (JSON)' }).getAttribute('href')).toBe('/api/openapi.json')

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter operations' }), { target: { value: 'ocds' } })
    await waitFor(() => expect(screen.getByText('1 operation')).toBeTruthy())
    expect(screen.queryByRole('heading', { level: 2, name: 'Tenders' })).toBeNull()
    expect(screen.getByRole('heading', { level: 3, name: 'GET /api/v1/ocds/releases' })).toBeTruthy()

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter operations' }), { target: { value: 'zzz' } })
    expect(await screen.findByText('No operation matches this filter.')).toBeTruthy()
  })

  it('says when the description cannot be loaded', async () => {
    fakeApi({
      'GET /api/v1/me': () => ({ status: 401, body: { status: 401 } }),
      'GET /api/openapi.json': () => ({ status: 503, body: { status: 503 } }),
    })
    renderApp('/developers')
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy()
    expect(screen.queryByText('3 operations')).toBeNull()
  })
})
