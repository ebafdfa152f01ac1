// A small reader of the OpenAPI 3.1 document the API serves: the
// operations grouped by tag, with what the documentation page shows.

export interface OpenAPISchema {
  $ref?: string
  type?: string | string[]
  format?: string
  description?: string
  items?: OpenAPISchema
  properties?: Record<string, OpenAPISchema>
  required?: string[]
  enum?: unknown[]
  additionalProperties?: OpenAPISchema | boolean
}

interface RawParameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: OpenAPISchema
}

interface RawOperation {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  parameters?: RawParameter[]
  security?: unknown[]
  requestBody?: { content?: Record<string, { schema?: OpenAPISchema }> }
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: OpenAPISchema }> }>
}

export interface OpenAPIDocument {
  info?: { title?: string; version?: string; description?: string }
  tags?: { name: string; description?: string }[]
  paths?: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, OpenAPISchema> }
}

export interface Parameter {
  name: string
  in: string
  required: boolean
  description: string
  type: string
}

export interface Body {
  mediaType: string
  schema?: OpenAPISchema | undefined
}

export interface Operation {
  id: string
  method: string
  path: string
  summary: string
  description: string
  tag: string
  signedIn: boolean
  parameters: Parameter[]
  requestBody?: Body | undefined
  responses: { status: string; description: string; body?: Body | undefined }[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** The operations of doc, sorted by tag, then path, then method. */
export function operationsOf(doc: OpenAPIDocument): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const body = firstBody(op.requestBody?.content)
      out.push({
        id: op.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        description: op.description ?? '',
        tag: op.tags?.[0] ?? '',
        signedIn: (op.security ?? []).length > 0,
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description ?? p.schema?.description ?? '',
          type: typeName(p.schema),
        })),
        requestBody: body,
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? '',
          body: firstBody(r.content),
        })),
      })
    }
  }
  const order = METHODS.map((m) => m.toUpperCase())
  return out.sort(
    (a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || order.indexOf(a.method) - order.indexOf(b.method),
  )
}

function firstBody(content: Record<string, { schema?: OpenAPISchema }> | undefined): Body | undefined {
  if (!content) return undefined
  const [mediaType, value] = Object.entries(content)[0] ?? []
  return mediaType ? { mediaType, schema: value?.schema } : undefined
}

/** The name a schema is shown by: its component's name, or its type. */
export function typeName(s: OpenAPISchema | undefined): string {
  if (!s) return ''
  if (s.$ref) return s.$ref.split('/').pop() ?? s.$ref
  const types = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null') : s.type ? [s.type] : []
  const type = types.join(' | ')
  if (type === 'array') return `${typeName(s.items)}[]`
  if (s.enum) return s.enum.map(String).join(' | ')
  return s.format ? `${type} (${s.format})` : type
}

/** The schema a $ref names in doc, or s itself. */
export function resolve(doc: OpenAPIDocument, s: OpenAPISchema | undefined): OpenAPISchema | undefined {
  if (!s?.$ref) return s
  const name = s.$ref.split('/').pop() ?? ''
  return doc.components?.schemas?.[name]
}

/** Whether an operation matches the words of a filter (all of them, any case). */
export function matches(op: Operation, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean)
  const text = `${op.method} ${op.path} ${op.summary} ${op.tag} ${op.id}`.toLowerCase()
  return words.every((w) => text.includes(w))
}

/** The operations grouped by tag, tags in order. */
export function byTag(ops: Operation[]): [string, Operation[]][] {
  const groups = new Map<string, Operation[]>()
  for (const op of ops) groups.set(op.tag, [...(groups.get(op.tag) ?? []), op])
  return [...groups.entries()]
}

/** An anchor id for a tag. */
export function tagAnchor(tag: string): string {
  return `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}
