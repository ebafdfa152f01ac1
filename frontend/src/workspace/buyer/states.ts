import type { Tender } from './api'

export type TenderState = Tender['state']

/** The groups of the tenders list, in the order a buyer works through them. */
export const STATE_GROUPS: {
  key: 'drafts' | 'changesRequested' | 'pending' | 'published' | 'closed' | 'awarded' | 'ended'
  states: TenderState[]
}[] = [
  { key: 'drafts', states: ['draft'] },
  { key: 'changesRequested', states: ['changes_requested'] },
  { key: 'pending', states: ['pending'] },
  { key: 'published', states: ['published'] },
  { key: 'closed', states: ['closed'] },
  { key: 'awarded', states: ['awarded', 'not_awarded'] },
  { key: 'ended', states: ['rejected', 'cancelled'] },
]

/** Whether the buyer may still change the tender freely (the wizard). */
export function isEditable(state: TenderState): boolean {
  return state === 'draft' || state === 'changes_requested'
}

/** Badge colours by state (light badges write dark text). */
export function stateColor(state: TenderState): string {
  switch (state) {
    case 'published':
      return 'green'
    case 'pending':
      return 'blue'
    case 'changes_requested':
    case 'rejected':
      return 'orange'
    case 'awarded':
      return 'teal'
    default:
      return 'gray'
  }
}
