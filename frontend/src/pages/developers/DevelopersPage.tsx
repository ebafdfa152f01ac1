import { Badge, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { Empty, Loading, PageError } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import '../statistics/catalogue'
import {
  byTag,
  matches,
  operationsOf,
  resolve,
  tagAnchor,
  typeName,
  type Body,
  type OpenAPIDocument,
  type Operation,
} from './openapi'

const DOCUMENT = '/api/openapi.json'

const METHOD_COLOURS: Record<string, string> = { GET: 'blue', POST: 'green', PUT: 'orange', PATCH: 'grape', DELETE: 'red' }

/** /developers: the API's operations, read from its OpenAPI document, and the open data. */
export default function DevelopersPage() {
  const { t } = useTranslation()
  usePageTitle(t('opendata.developers.title'))
  const doc = useQuery({
    queryKey: ['openapi'],
    staleTime: Infinity,
    queryFn: async (): Promise<OpenAPIDocument> => {
      const res = await fetch(new URL(DOCUMENT, window.location.origin), { headers: { Accept: 'application/json' } })
      if (!res.ok) throw new ApiError(res.status, undefined)
      return (await res.json()) as OpenAPIDocument
    },
  })
  if (doc.isPending) return <Loading />
  if (doc.isError) return <PageError error={doc.error} onRetry={() => void doc.refetch()} />
  return <Reference doc={doc.data} />
}

function Reference({ doc }: { doc: OpenAPIDocument }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState('')
  const deferred = useDeferredValue(filter)
  const all = useMemo(() => operationsOf(doc), [doc])
  const shown = useMemo(() => all.filter((op) => matches(op, deferred)), [all, deferred])
  const groups = byTag(shown)

  return (
    <article className="developers-page">
      <h1>{t('opendata.developers.title')}</h1>
      <p>{t('opendata.developers.intro')}</p>
      <p>
        <a href={DOCUMENT} download="passerelle-openapi.json">
          {t('opendata.developers.download')}
        </a>
        {doc.info?.version ? <span className="muted"> · {doc.info.version}</span> : null}
      </p>

      <section aria-labelledby="open-data" className="developers-section">
        <h2 id="open-data" tabIndex={-1}>
          {t('opendata.developers.openData.title')}
        </h2>
        <p>{t('opendata.developers.openData.text')}</p>
        <ul>
          <li>
            <a href="/api/v1/ocds/releases">{t('opendata.developers.openData.releases')}</a> (
            <code>GET /api/v1/ocds/releases</code>)
          </li>
          <li>
            <a href="https://standard.open-contracting.org/1.1/en/" rel="noopener">
              {t('opendata.developers.openData.standard')}
            </a>
          </li>
          <li>
            <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener license">
              {t('opendata.developers.openData.license')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="problems" className="developers-section">
        <h2 id="problems">{t('opendata.developers.problems')}</h2>
        <p>{t('opendata.developers.problemsText')}</p>
      </section>

      <div role="search" className="operations-filter">
        <TextInput
          label={t('opendata.developers.filter')}
          description={t('opendata.developers.filterHint')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          type="search"
        />
        <p role="status" className="muted">
          {t('opendata.developers.count', { count: shown.length })}
        </p>
      </div>

      {groups.length === 0 ? (
        <Empty title={t('opendata.developers.noMatch')} />
      ) : (
        <>
          <nav aria-label={t('opendata.developers.tags')} className="tag-index">
            <ul>
              {groups.map(([tag, ops]) => (
                <li key={tag}>
                  <a href={`#${tagAnchor(tag)}`}>
                    {tag} ({ops.length})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map(([tag, ops]) => (
            <section key={tag} aria-labelledby={tagAnchor(tag)} className="operation-group">
              <h2 id={tagAnchor(tag)}>{tag}</h2>
              {ops.map((op) => (
                <OperationView key={op.id} op={op} doc={doc} />
              ))}
            </section>
          ))}
        </>
      )}
    </article>
  )
}

function OperationView({ op, doc }: { op: Operation; doc: OpenAPIDocument }) {
  const { t } = useTranslation()
  return (
    <div className="operation" data-operation={op.id}>
      <h3 id={op.id}>
        <Badge component="span" variant="light" color={METHOD_COLOURS[op.method] ?? 'gray'} className="method">
          {op.method}
        </Badge>{' '}
        <code className="operation-path">{op.path}</code>
      </h3>
      <p className="operation-summary">
        {op.summary}{' '}
        <Badge component="span" variant="outline" color={op.signedIn ? 'orange' : 'gray'}>
          {op.signedIn ? t('opendata.developers.signedIn') : t('opendata.developers.public')}
        </Badge>
      </p>
      <details>
        <summary>{t('opendata.developers.description')}</summary>
        {op.description ? <p className="operation-description">{op.description}</p> : null}
        {op.parameters.length > 0 ? (
          <>
            <h4>{t('opendata.developers.parameters')}</h4>
            <div className="table-scroll">
              <table className="figure-table">
                <thead>
                  <tr>
                    <th scope="col">{t('opendata.developers.name')}</th>
                    <th scope="col">{t('opendata.developers.in')}</th>
                    <th scope="col">{t('opendata.developers.type')}</th>
                    <th scope="col">{t('opendata.developers.required')}</th>
                    <th scope="col">{t('opendata.developers.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <th scope="row">
                        <code>{p.name}</code>
                      </th>
                      <td>{p.in}</td>
                      <td>
                        <code>{p.type}</code>
                      </td>
                      <td>{p.required ? t('opendata.developers.yes') : t('opendata.developers.no')}</td>
                      <td>{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        {op.requestBody ? (
          <>
            <h4>{t('opendata.developers.requestBody')}</h4>
            <BodyView body={op.requestBody} doc={doc} />
          </>
        ) : null}
        <h4>{t('opendata.developers.responses')}</h4>
        <ul className="responses">
          {op.responses.map((r) => (
            <li key={r.status}>
              <strong>{r.status}</strong> {r.description}
              {r.body ? <BodyView body={r.body} doc={doc} /> : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}

/** A body's media type and schema, with the fields of an object schema. */
function BodyView({ body, doc }: { body: Body; doc: OpenAPIDocument }) {
  const { t } = useTranslation()
  const schema = resolve(doc, body.schema)
  const fields = Object.entries(schema?.properties ?? {}).filter(([name]) => name !== '$schema')
  const required = new Set(schema?.required ?? [])
  return (
    <div className="body-schema">
      <p>
        <code>{body.mediaType}</code>
        {body.schema ? (
          <>
            {' · '}
            {t('opendata.developers.schema')} <code>{typeName(body.schema)}</code>
          </>
        ) : null}
      </p>
      {fields.length > 0 ? (
        <dl className="schema-fields">
          {fields.map(([name, s]) => (
            <div key={name}>
              <dt>
                <code>{name}</code> <span className="muted">{typeName(s)}</span>
                {required.has(name) ? <span className="muted"> · {t('opendata.developers.required')}</span> : null}
              </dt>
              {s.description ? <dd>{s.description}</dd> : null}
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  )
}
