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

/** One schema for the sign-in form (field messages as you type) and for main (before any call). */
export const signInSchema = z.object({
  authId: z
    .string()
    .trim()
    .min(1, 'Enter your partner Auth ID.')
    .max(64, 'An Auth ID is at most 64 characters.')
    .regex(/^[A-Za-z0-9_-]+$/, 'An Auth ID has only letters, digits, _ and -.'),
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
