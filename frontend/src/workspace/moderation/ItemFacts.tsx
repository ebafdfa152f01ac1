import type { ReactNode } from 'react'

/** A short list of facts about the item being decided (term, value). */
export function ItemFacts({ facts }: { facts: [string, ReactNode][] }) {
  const shown = facts.filter(([, value]) => value !== undefined && value !== null && value !== '')
  return (
    <dl className="moderation-facts">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
