import {
  credentialLabel,
  REVEAL_MS,
  type CopiedSecret,
  type RevealedToken,
} from '../../../shared/credentials'
import type { ClipboardGuard } from '../platform/clipboard-guard'
import type { CustomerDetailsService } from '../customers/customer-details-service'
import type { Logger } from '../platform/logger'

export type CredentialsService = ReturnType<typeof createCredentialsService>

/** Shell-safe: auth ids and tokens are plain ASCII words; anything else is single-quoted. */
const shellWord = (value: string): string =>
  /^[A-Za-z0-9_.:/+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`

export const envLine = (authId: string, token: string): string =>
  `VOBIZ_AUTH_ID=${shellWord(authId)} VOBIZ_AUTH_TOKEN=${shellWord(token)}`

/**
 * Customer credentials for the drawer. Copy runs entirely in main (the token never reaches the
 * renderer) through the clipboard guard; reveal is the one reply that carries a token.
 */
export function createCredentialsService(deps: {
  details: Pick<CustomerDetailsService, 'token'>
  guard: ClipboardGuard
  logger: Logger
}) {
  return {
    async copy(authId: string, format: 'token' | 'env'): Promise<CopiedSecret> {
      const { token, source } = await deps.details.token(authId)
      const text = format === 'env' ? envLine(authId, token) : token
      const { clearsAt } = await deps.guard.copySecret(text, credentialLabel(authId, format))
      deps.logger.info('customer credential copied', { authId, format, source })
      return { clearsAt, source }
    },

    async reveal(authId: string): Promise<RevealedToken> {
      const { token } = await deps.details.token(authId)
      deps.logger.info('customer token revealed', { authId })
      return { token, hideAfterMs: REVEAL_MS }
    },
  }
}
