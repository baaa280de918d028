import type { TokenKeeping } from '../../../../shared/credentials'
import { TokenCredentials } from '../../components/TokenCredentials'
import { ipc } from '../../ipc/client'
import { useClipboardStore } from '../../stores/clipboard-store'

function keepingText(available: boolean, keeping: TokenKeeping): string {
  if (keeping === 'session') {
    return 'No system keyring: customer tokens are kept for this session only, so copying needs a connection to Vobiz after a restart.'
  }
  return available
    ? 'Saved encrypted on this computer: copying works offline.'
    : 'Not saved on this computer yet: Partner Desk reads it from Vobiz when you copy it.'
}

/** A customer's Auth ID and Auth Token in the drawer (see TokenCredentials). */
export function CredentialsSection({
  authId,
  token,
  offline,
}: {
  authId: string
  token: { available: boolean; keeping: TokenKeeping } | null
  offline: boolean
}) {
  const copyCredential = useClipboardStore((s) => s.copyCredential)
  // Offline, only a token kept on this computer can be used.
  const unavailable =
    offline && token !== null && !token.available
      ? 'This token is not saved on this computer, and Vobiz cannot be reached. Try again online.'
      : null
  return (
    <TokenCredentials
      authId={authId}
      heading="Credentials"
      copy={(format) => copyCredential(authId, format)}
      requestReveal={() => ipc.invoke('credentials:reveal', { authId })}
      unavailable={unavailable}
      note={token ? keepingText(token.available, token.keeping) : null}
    />
  )
}
