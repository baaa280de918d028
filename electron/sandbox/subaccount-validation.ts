import {
  DEFAULT_RATE_LIMIT,
  KYC_MODES,
  type KycMode,
  type Permissions,
  type SubAccountFields,
} from './subaccount-model'
import {
  E164,
  EMAIL,
  PASSWORD_MIN_LENGTH,
  RATE_LIMIT_MAX,
  SUB_ACCOUNT_MAX_LENGTH as MAX_LENGTH,
} from '../../shared/vobiz-rules'
import type { FieldError } from './validation'

/**
 * The create and update rules for sub-accounts (more-endpoints.md). Field errors are 422s; the
 * one documented 400 (customer_use without an email) is decided by the caller, which knows the
 * stored sub-account. Unknown fields are ignored.
 */

export type CreateResult =
  { ok: true; value: SubAccountFields } | { ok: false; errors: FieldError[] }
export type UpdateResult =
  { ok: true; value: Partial<SubAccountFields> } | { ok: false; errors: FieldError[] }

const PERMISSION_KEY = /^[a-z][a-z0-9_]{0,31}$/
const MAX_PERMISSIONS = 20
export const MAX_RATE_LIMIT = RATE_LIMIT_MAX
type TextField = keyof typeof MAX_LENGTH

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim())

/** A text field: trimmed (passwords never), blank = null; `message` when it breaks a rule. */
function readText(
  field: TextField,
  value: unknown,
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (isBlank(value)) return { ok: true, value: null }
  if (typeof value !== 'string') return { ok: false, message: `${field} must be a string.` }
  const text = field === 'password' ? value : value.trim()
  if (text.length > MAX_LENGTH[field]) {
    return { ok: false, message: `${field} must be at most ${MAX_LENGTH[field]} characters.` }
  }
  if (field === 'email' && !EMAIL.test(text)) {
    return { ok: false, message: 'Enter a valid email address.' }
  }
  if (field === 'phone' && !E164.test(text)) {
    return {
      ok: false,
      message: 'Use E.164: + then the country code and number, e.g. +919876543210.',
    }
  }
  if (field === 'password' && text.length < PASSWORD_MIN_LENGTH) {
    return { ok: false, message: 'The password must be at least 8 characters long.' }
  }
  return { ok: true, value: text }
}

function readRateLimit(
  value: unknown,
): { ok: true; value: number } | { ok: false; message: string } {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_RATE_LIMIT
  ) {
    return { ok: false, message: `rate_limit must be a whole number from 1 to ${MAX_RATE_LIMIT}.` }
  }
  return { ok: true, value }
}

function readPermissions(
  value: unknown,
): { ok: true; value: Permissions | null } | { ok: false; message: string } {
  if (value === null || value === undefined) return { ok: true, value: null }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      message: 'permissions must be an object of booleans, e.g. {"calls": true}.',
    }
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length > MAX_PERMISSIONS) {
    return { ok: false, message: `permissions may name at most ${MAX_PERMISSIONS} flags.` }
  }
  const permissions: Record<string, boolean> = {}
  for (const [key, flag] of entries) {
    if (!PERMISSION_KEY.test(key)) {
      return { ok: false, message: `permissions: "${key.slice(0, 40)}" is not a flag name.` }
    }
    if (typeof flag !== 'boolean') {
      return { ok: false, message: `permissions.${key} must be true or false.` }
    }
    permissions[key] = flag
  }
  return { ok: true, value: permissions }
}

function readKycMode(
  value: unknown,
): { ok: true; value: KycMode } | { ok: false; message: string } {
  const mode = KYC_MODES.find((m) => m === value)
  return mode
    ? { ok: true, value: mode }
    : { ok: false, message: 'kyc_mode must be "personal_use" or "customer_use".' }
}

const asObject = (body: unknown): Record<string, unknown> | null =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null

const NOT_AN_OBJECT: FieldError[] = [{ field: 'body', message: 'The body must be a JSON object.' }]

/** Create: `name` required; `email` required for customer_use; defaults for the rest. */
export function validateNewSubAccount(body: unknown): CreateResult {
  const input = asObject(body)
  if (!input) return { ok: false, errors: NOT_AN_OBJECT }
  const errors: FieldError[] = []
  const text = (field: TextField): string | null => {
    const read = readText(field, input[field])
    if (read.ok) return read.value
    errors.push({ field, message: read.message })
    return null
  }

  const name = text('name')
  if (name === null && !errors.some((e) => e.field === 'name')) {
    errors.push({ field: 'name', message: 'This field is required.' })
  }
  const email = text('email')
  const phone = text('phone')
  const description = text('description')
  text('password') // checked, never stored or echoed

  let rateLimit = DEFAULT_RATE_LIMIT
  if (!isBlank(input.rate_limit)) {
    const read = readRateLimit(input.rate_limit)
    if (read.ok) rateLimit = read.value
    else errors.push({ field: 'rate_limit', message: read.message })
  }
  const permissions = readPermissions(input.permissions)
  if (!permissions.ok) errors.push({ field: 'permissions', message: permissions.message })
  let enabled = true
  if (input.enabled !== undefined && input.enabled !== null) {
    if (typeof input.enabled === 'boolean') enabled = input.enabled
    else errors.push({ field: 'enabled', message: 'enabled must be true or false.' })
  }
  let kycMode: KycMode = 'personal_use'
  if (!isBlank(input.kyc_mode)) {
    const read = readKycMode(input.kyc_mode)
    if (read.ok) kycMode = read.value
    else errors.push({ field: 'kyc_mode', message: read.message })
  }
  if (kycMode === 'customer_use' && email === null && !errors.some((e) => e.field === 'email')) {
    errors.push({ field: 'email', message: 'email is required when kyc_mode is customer_use.' })
  }

  if (errors.length > 0 || name === null || !permissions.ok) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name,
      email,
      phone,
      description,
      rateLimit,
      permissions: permissions.value,
      enabled,
      kycMode,
    },
  }
}

/**
 * Update: any subset of the fields; absent ones stay. `null` (or blank text) clears email, phone,
 * description and permissions; name, rate_limit, enabled and kyc_mode cannot be cleared.
 */
export function validateSubAccountChanges(body: unknown): UpdateResult {
  const input = asObject(body)
  if (!input) return { ok: false, errors: NOT_AN_OBJECT }
  const errors: FieldError[] = []
  const value: Partial<SubAccountFields> = {}
  const has = (field: string): boolean => input[field] !== undefined

  for (const field of ['email', 'phone', 'description'] as const) {
    if (!has(field)) continue
    const read = readText(field, input[field])
    if (read.ok) value[field] = read.value
    else errors.push({ field, message: read.message })
  }
  if (has('name')) {
    const read = readText('name', input.name)
    if (!read.ok) errors.push({ field: 'name', message: read.message })
    else if (read.value === null) errors.push({ field: 'name', message: 'name cannot be blank.' })
    else value.name = read.value
  }
  if (has('rate_limit')) {
    const read = readRateLimit(input.rate_limit)
    if (read.ok) value.rateLimit = read.value
    else errors.push({ field: 'rate_limit', message: read.message })
  }
  if (has('permissions')) {
    const read = readPermissions(input.permissions)
    if (read.ok) value.permissions = read.value
    else errors.push({ field: 'permissions', message: read.message })
  }
  if (has('enabled')) {
    if (typeof input.enabled === 'boolean') value.enabled = input.enabled
    else errors.push({ field: 'enabled', message: 'enabled must be true or false.' })
  }
  if (has('kyc_mode')) {
    const read = readKycMode(input.kyc_mode)
    if (read.ok) value.kycMode = read.value
    else errors.push({ field: 'kyc_mode', message: read.message })
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value }
}
