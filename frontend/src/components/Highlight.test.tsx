import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Highlight, parseSnippet } from './Highlight'

describe('parseSnippet', () => {
  it('splits text and <mark> runs, unescaping entities', () => {
    expect(parseSnippet('Entretien &amp; <mark>nettoyage</mark> de <mark>bureaux</mark>.')).toEqual([
      { text: 'Entretien & ', marked: false },
      { text: 'nettoyage', marked: true },
      { text: ' de ', marked: false },
      { text: 'bureaux', marked: true },
      { text: '.', marked: false },
    ])
  })

  it('keeps a snippet without marks whole', () => {
    expect(parseSnippet('plain &lt;text&gt;')).toEqual([{ text: 'plain <text>', marked: false }])
    expect(parseSnippet('')).toEqual([])
  })
})

describe('Highlight', () => {
  it('renders marks as <mark> and never parses other markup', () => {
    const { container } = render(
      <p>
        <Highlight snippet={'&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <mark>Reinigung</mark>'} />
      </p>,
    )
    expect(container.querySelectorAll('mark')).toHaveLength(1)
    expect(container.querySelector('mark')?.textContent).toBe('Reinigung')
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b> Reinigung')
  })
})
