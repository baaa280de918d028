import { isCountryCode } from '../../shared/countries'
import type { FieldMessage } from '../../shared/field-messages'
import {
  ACCOUNT_TYPE,
  CUSTOMER_MAX_LENGTH as MAX_LENGTH,
  E164,
  EMAIL,
  GSTIN,
  GST_STATUSES,
  PASSWORD_DIGIT,
  PASSWORD_MIN_LENGTH,
  PASSWORD_SPECIAL,
} from '../../shared/vobiz-rules'

/** The create-customer body after validation: trimmed, optional blanks turned into null. */
export type NewCustomerInput = {
  name: string
  email: string
  password: string
  country: string
  phone: string | null
  description: string | null
  company: string | null
  address: string | null
  city: string | null
  state: string | null
  zip_code: string | null
  timezone: string | null
  gstin: string | null
  gst_status: 'active' | 'inactive' | null
  account_type: string
}

export type FieldError = FieldMessage

export type ValidationResult =
  { ok: true; value: NewCustomerInput } | { ok: false; errors: FieldError[] }

export { E164, GSTIN, MAX_LENGTH }

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

type Rule = readonly [test: RegExp | ((value: string) => boolean), message: string]

/**
 * The documented Create Customer Account rules. `emailTaken` gets the lower-cased email.
 * Unknown fields are ignored; optional fields given as null or blank count as absent. One error
 * per failing field.
 */
export function validateNewCustomer(
  body: unknown,
  emailTaken: (emailLower: string) => boolean,
): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: 'body', message: 'The body must be a JSON object.' }] }
  }
  const input = body as Record<string, unknown>
  const errors: FieldError[] = []

  const text = (field: keyof typeof MAX_LENGTH, required: boolean, ...rules: Rule[]) => {
    const value = input[field]
    let message: string | null = null
    let result: string | null = null
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (required) message = 'This field is required.'
    } else if (typeof value !== 'string') {
      message = 'This field must be a string.'
    } else if (value.trim().length > MAX_LENGTH[field]) {
      message = `This field must be at most ${MAX_LENGTH[field]} characters.`
    } else {
      // Passwords are kept exactly as typed; everything else is trimmed.
      result = field === 'password' ? value : value.trim()
      const broken = rules.find(([test]) =>
        typeof test === 'function' ? !test(result as string) : !test.test(result as string),
      )
      if (broken) message = broken[1]
    }
    if (message === null) return result
    errors.push({ field, message })
    return null
  }

  const name = text('name', true)
  const email = text(
    'email',
    true,
    [EMAIL, 'Enter a valid email address.'],
    [(value) => !emailTaken(value.toLowerCase()), 'This email is already in use.'],
  )
  const password = text(
    'password',
    true,
    [
      (v) => [...v].length >= PASSWORD_MIN_LENGTH,
      'The password must be at least 8 characters long.',
    ],
    [PASSWORD_DIGIT, 'The password must contain a number.'],
    [PASSWORD_SPECIAL, 'The password must contain a special character, e.g. ! or #.'],
  )
  const phone = text('phone', false, [
    E164,
    'Use E.164: + then the country code and number, e.g. +919876543210.',
  ])
  const description = text('description', false)
  const company = text('company', false)
  const address = text('address', false)
  const city = text('city', false)
  const state = text('state', false)
  const zipCode = text('zip_code', false)
  const country = text('country', true, [
    isCountryCode,
    'Use an ISO 3166-1 alpha-2 country code in capitals, e.g. IN.',
  ])
  const timezone = text('timezone', false, [
    isTimeZone,
    'Use an IANA time zone, e.g. Asia/Kolkata.',
  ])
  const gstin = text('gstin', false, [GSTIN, 'Not a valid GSTIN, e.g. 29AAPFU0939F1ZV.'])
  const gstStatus = text('gst_status', false, [
    (value) => (GST_STATUSES as readonly string[]).includes(value),
    'gst_status must be "active" or "inactive".',
  ])
  const accountType = text('account_type', false, [
    ACCOUNT_TYPE,
    'account_type is a lower-case word such as "standard".',
  ])

  if (errors.length > 0 || !name || !email || !password || !country) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name,
      email,
      password,
      country,
      phone,
      description,
      company,
      address,
      city,
      state,
      zip_code: zipCode,
      timezone,
      gstin,
      gst_status: gstStatus === 'active' || gstStatus === 'inactive' ? gstStatus : null,
      account_type: accountType ?? 'standard',
    },
  }
}
