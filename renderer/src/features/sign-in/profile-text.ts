import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { hostOf } from '../../lib/format'

/** Where a profile points, in words: the sandbox runs on this computer. */
function profilePlace(profile: ProfileSummary): string {
  return profile.isSandbox ? 'on this computer' : hostOf(profile.baseUrl)
}

/**
 * A profile's second line: its Auth ID and where it points, without what its label already says
 * (a label left empty at sign-in is "PA_… · host"); null when the label says it all.
 */
export function profileSubtitle(profile: ProfileSummary): string | null {
  const parts = [profile.authId, profilePlace(profile)].filter(
    (part) => !profile.label.includes(part),
  )
  return parts.length > 0 ? parts.join(' · ') : null
}
