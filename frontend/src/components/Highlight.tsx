import { Fragment } from 'react'

/** One run of a snippet: plain text, or a matched word to mark. */
export interface SnippetPart {
  text: string
  marked: boolean
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
  '&apos;': "'",
}

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#34|#39);/g, (entity) => ENTITIES[entity] ?? entity)
}

/**
 * Splits the search API's snippet (HTML-escaped text whose only markup is
 * <mark>…</mark>) into text runs. Nothing of it is ever parsed as HTML: any
 * other tag stays visible text, so a listing cannot inject markup.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const pattern = /<mark>([\s\S]*?)<\/mark>/g
  let last = 0
  for (const match of snippet.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > last) parts.push({ text: unescape(snippet.slice(last, index)), marked: false })
    parts.push({ text: unescape(match[1] ?? ''), marked: true })
    last = index + match[0].length
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), marked: false })
  return parts.filter((part) => part.text !== '')
}

/** Renders a snippet with its matched words in <mark>, as React text nodes. */
export function Highlight({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  )
}
