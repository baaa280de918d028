import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { fieldMessages } from '../../../../shared/field-messages'
import { signInSchema, type SignInRequest } from '../../../../shared/sign-in'
import { DEFAULT_API_BASE_URL } from '../../../../shared/vobiz'

export type SignInField = 'authId' | 'authToken' | 'baseUrl' | 'label'
export const SIGN_IN_FIELDS: readonly SignInField[] = ['authId', 'authToken', 'baseUrl', 'label']

export type SignInValues = Record<SignInField, string> & { allowWeakStorage: boolean }
export type SignInErrors = Partial<Record<SignInField, string>>

const EMPTY: SignInValues = {
  authId: '',
  authToken: '',
  baseUrl: '',
  label: '',
  allowWeakStorage: false,
}

const isField = (key: string): key is SignInField => (SIGN_IN_FIELDS as string[]).includes(key)

/** The form's fields named in a validation error from main (API names mapped to ours). */
export function fieldsFromError(error: AppError): SignInErrors {
  if (error.kind !== 'validation') return {}
  const aliases: Record<string, SignInField> = {
    auth_id: 'authId',
    auth_token: 'authToken',
    base_url: 'baseUrl',
  }
  const mapped: SignInErrors = {}
  for (const [key, message] of Object.entries(error.fields)) {
    const field = isField(key) ? key : aliases[key]
    if (field) mapped[field] ??= message
  }
  return mapped
}

/**
 * The sign-in form's state and validation, with the same schema main applies. The token lives
 * here only while the user types it; a successful sign-in clears it.
 */
export function useSignInForm(options: {
  initial?: Pick<ProfileSummary, 'authId' | 'baseUrl' | 'label'> | null
  allowWeakStorage: boolean
  submit: (request: SignInRequest) => Promise<{ ok: boolean; error?: AppError }>
}) {
  const [values, setValues] = useState<SignInValues>(() => prefilled(options.initial))
  const [errors, setErrors] = useState<SignInErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const [advancedOpen, setAdvancedOpen] = useState(() => hasCustomBaseUrl(options.initial))
  const inputs = useRef<Partial<Record<SignInField, HTMLInputElement | null>>>({})
  const pointerDown = useRef(false)

  useEffect(() => {
    const down = () => (pointerDown.current = true)
    const up = () => (pointerDown.current = false)
    document.addEventListener('pointerdown', down, true)
    document.addEventListener('pointerup', up, true)
    document.addEventListener('pointercancel', up, true)
    return () => {
      document.removeEventListener('pointerdown', down, true)
      document.removeEventListener('pointerup', up, true)
      document.removeEventListener('pointercancel', up, true)
    }
  }, [])

  function validate(next: SignInValues) {
    const parsed = signInSchema.safeParse({
      ...next,
      allowWeakStorage: options.allowWeakStorage && next.allowWeakStorage,
    })
    return parsed.success
      ? { request: parsed.data, errors: {} as SignInErrors }
      : { request: null, errors: fieldMessages(parsed.error) as SignInErrors }
  }

  function setField(field: SignInField, value: string) {
    const next = { ...values, [field]: value }
    setValues(next)
    // A field already showing a message is re-checked as the user fixes it.
    if (errors[field])
      setErrors((current) => ({ ...current, [field]: validate(next).errors[field] }))
  }

  function blurField(field: SignInField) {
    if (!submitted && values[field].trim() === '') return
    const message = validate(values).errors[field]
    const apply = () => setErrors((current) => ({ ...current, [field]: message }))
    // A message appearing while a click is in progress would move the button being clicked
    // (Sign in, Advanced) out from under the pointer: show it once the click is done.
    if (pointerDown.current) {
      document.addEventListener('pointerup', () => window.setTimeout(apply, 0), { once: true })
    } else {
      apply()
    }
  }

  function focusFirstInvalid(found: SignInErrors) {
    const first = SIGN_IN_FIELDS.find((field) => found[field])
    if (!first) return
    if (first === 'baseUrl' || first === 'label') setAdvancedOpen(true)
    // The Advanced section may have to open first.
    requestAnimationFrame(() => inputs.current[first]?.focus())
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>, busy: boolean) {
    event.preventDefault()
    if (busy) return
    setSubmitted(true)
    const checked = validate(values)
    setErrors(checked.errors)
    if (!checked.request) {
      focusFirstInvalid(checked.errors)
      return
    }
    const result = await options.submit(checked.request)
    if (result.ok) {
      setValues((current) => ({ ...current, authToken: '' }))
      return
    }
    if (result.error) {
      const fromMain = fieldsFromError(result.error)
      if (Object.keys(fromMain).length > 0) {
        setErrors(fromMain)
        focusFirstInvalid(fromMain)
      }
    }
  }

  function prefill(profile: Pick<ProfileSummary, 'authId' | 'baseUrl' | 'label'>) {
    setValues(prefilled(profile))
    setErrors({})
    setSubmitted(false)
    if (hasCustomBaseUrl(profile)) setAdvancedOpen(true)
    inputs.current.authToken?.focus()
  }

  return {
    values,
    errors,
    advancedOpen,
    setAdvancedOpen,
    setField,
    blurField,
    setAllowWeakStorage: (allow: boolean) =>
      setValues((current) => ({ ...current, allowWeakStorage: allow })),
    onSubmit,
    prefill,
    /** Ref callbacks so the form can focus a field with a message. */
    inputRef: (field: SignInField) => (element: HTMLInputElement | null) => {
      inputs.current[field] = element
    },
  }
}

export type SignInFormState = ReturnType<typeof useSignInForm>

function prefilled(profile?: Pick<ProfileSummary, 'authId' | 'baseUrl' | 'label'> | null) {
  if (!profile) return EMPTY
  return {
    ...EMPTY,
    authId: profile.authId,
    baseUrl: profile.baseUrl === DEFAULT_API_BASE_URL ? '' : profile.baseUrl,
    label: profile.label,
  }
}

function hasCustomBaseUrl(profile?: Pick<ProfileSummary, 'baseUrl'> | null): boolean {
  return !!profile && profile.baseUrl !== DEFAULT_API_BASE_URL
}
