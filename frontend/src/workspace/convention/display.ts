import { formatMoney } from '../../components/format'

/** A badge colour by registration state. */
export function registrationColor(state: string): string {
  return state === 'confirmed' ? 'green' : state === 'pending_payment' ? 'orange' : 'gray'
}

/** A badge colour by meeting-request state. */
export function requestColor(state: string): string {
  switch (state) {
    case 'accepted':
      return 'green'
    case 'pending':
      return 'blue'
    case 'declined':
      return 'red'
    default:
      return 'gray'
  }
}

/** A fee in the reader's language, or null when free (the caller says "free"). */
export function feeText(cents: number, currency: string, language: string): string | null {
  return cents > 0 ? formatMoney(cents, currency, language) : null
}

/** A value of the API narrowed to the ones the interface has texts for (fallback otherwise). */
export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

export const REGISTRATION_STATES = ['pending_payment', 'confirmed', 'cancelled'] as const
export const REQUEST_STATES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export const ORGANISATION_KINDS = ['sse_supplier', 'public_buyer', 'private_buyer', 'cluster'] as const
export const OUTCOMES = ['held', 'no_show', 'follow_up', 'deal'] as const
export const REFUND_STATES = ['pending', 'succeeded', 'failed'] as const
export const ANSWER_PRIORITIES = ['must_meet', 'would_like', 'ok'] as const
