import { z } from 'zod'

/** Customer credentials over IPC. A token crosses only in `credentials:reveal`'s reply. */

const authId = z.string().trim().min(1).max(100)

export const copyCredentialRequestSchema = z
  .object({
    authId,
    /** `token`: the Auth Token alone; `env`: `VOBIZ_AUTH_ID=… VOBIZ_AUTH_TOKEN=…`. */
    format: z.enum(['token', 'env']),
  })
  .strict()

export const copiedSecretSchema = z.object({
  /** When main takes the secret off the clipboard (ISO), if it is still there. */
  clearsAt: z.string(),
  /** Where the token came from: this computer's encrypted store, or Vobiz just now. */
  source: z.enum(['stored', 'network']),
})
export type CopiedSecret = z.infer<typeof copiedSecretSchema>

export const REVEAL_MS = 15_000

export const revealedTokenSchema = z.object({
  token: z.string().min(1),
  /** The page masks the token again and forgets it after this long. */
  hideAfterMs: z.number().int().positive(),
})
export type RevealedToken = z.infer<typeof revealedTokenSchema>

/** What a copied credential is called in the toast and the clearing event (never its value). */
export const credentialLabel = (authId: string, format: 'token' | 'env'): string =>
  format === 'env' ? `Environment variables of ${authId}` : `Auth Token of ${authId}`

export const clipboardClearedSchema = z.object({
  reason: z.enum(['timer', 'signOut', 'quit']),
  /** False when the clipboard held something else by then (it was left alone). */
  cleared: z.boolean(),
  /** What had been copied, e.g. "Auth Token of MA_…" — never the value. */
  label: z.string(),
})
export type ClipboardCleared = z.infer<typeof clipboardClearedSchema>

/**
 * How customer tokens are kept on this computer: encrypted on disk (copy works offline), in
 * memory for this session only (no keyring), or not at all yet.
 */
export const tokenKeepingSchema = z.enum(['encrypted', 'session'])
export type TokenKeeping = z.infer<typeof tokenKeepingSchema>

export const CLIPBOARD_CLEAR_SECONDS = { min: 10, max: 120, default: 30 } as const
