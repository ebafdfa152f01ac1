/** sessionStorage key of an invitation token seen before the user signed in. */
export const PENDING_INVITATION_KEY = 'passerelle.invitation'

/** The token of an invitation link (#token=…), kept for this tab until it is used. */
export function pendingInvitationToken(hash: string): string {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
  try {
    if (fromHash) window.sessionStorage.setItem(PENDING_INVITATION_KEY, fromHash)
    return fromHash || window.sessionStorage.getItem(PENDING_INVITATION_KEY) || ''
  } catch {
    return fromHash
  }
}

/** Forgets the kept token once it is used or gone. */
export function forgetInvitation() {
  try {
    window.sessionStorage.removeItem(PENDING_INVITATION_KEY)
  } catch {
    // storage unavailable: nothing was kept
  }
}

