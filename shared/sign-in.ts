import { z } from 'zod'
import { DEFAULT_API_BASE_URL } from './vobiz'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** https everywhere; plain http only to this machine (the sandbox). */
export function isAllowedApiUrl(value: string): boolean {
  try {
    const url = new URL(value)
    if (url.username || url.password || url.search || url.hash) return false
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  } catch {
    return false
  }
}

/**
 * Vobiz Auth IDs are a kind prefix, `_` and capitals or digits: `PA_XXXXXXXX` for a partner
 * (partner-profile.md: the partner's `auth_id`, "e.g. PA_…"), `MA_…` for a customer's main
 * account and `SA_…` for a sub-account (partner-customer-accounts.md, more-endpoints.md).
 */
const AUTH_ID_SHAPE = /^[A-Z]{2}_[A-Z0-9]+$/
const NOT_PARTNER: Record<string, string> = {
  MA: 'a customer’s main account',
  SA: 'a sub-account',
}

/**
 * Why a typed partner Auth ID cannot be right, before anything is sent; null when it may be.
 * Only its shape is known here: whether Vobiz knows it is for Vobiz to say.
 */
export function authIdFormatMessage(value: string): string | null {
  const id = value.trim()
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null // the character rule says it
  if (!AUTH_ID_SHAPE.test(id)) {
    return 'A partner Auth ID looks like PA_XXXXXXXX: two capital letters, _ and capitals or digits. Copy it from the Vobiz console.'
  }
  const owner = NOT_PARTNER[id.slice(0, 2)]
  return owner
    ? `${id.slice(0, 3)}… is the Auth ID of ${owner}. Sign in with your partner Auth ID (PA_…).`
    : null
}

/** One schema for the sign-in form (field messages as you type) and for main (before any call). */
export const signInSchema = z.object({
  authId: z
    .string()
    .trim()
    .min(1, 'Enter your partner Auth ID.')
    .max(64, 'An Auth ID is at most 64 characters.')
    .regex(/^[A-Za-z0-9_-]+$/, 'An Auth ID has only letters, digits, _ and -.')
    .superRefine((value, context) => {
      const message = authIdFormatMessage(value)
      if (message) context.addIssue({ code: 'custom', message })
    }),
  authToken: z
    .string()
    .trim()
    .min(1, 'Enter your Auth Token.')
    .max(256, 'An Auth Token is at most 256 characters.')
    .regex(/^\S+$/, 'An Auth Token has no spaces.'),
  baseUrl: z
    .string()
    .trim()
    .transform((value) => (value === '' ? DEFAULT_API_BASE_URL : value.replace(/\/+$/, '')))
    .refine(isAllowedApiUrl, 'Use an https:// address (http:// only for this computer).'),
  label: z.string().trim().max(60, 'A label is at most 60 characters.').optional(),
  allowWeakStorage: z.boolean().default(false),
})
export type SignInRequest = z.output<typeof signInSchema>
