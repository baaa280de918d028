import type { AppError } from '../../../shared/app-error'
import { ERROR_KINDS } from '../../../shared/error-kinds'

export type ErrorText = {
  /** One sentence that says what happened, in the app's words. */
  title: string
  /** What main said, when it adds something the title does not. */
  detail: string | null
}

/**
 * What a person reads for a failure, from the table of error kinds. `credentialsTyped` says the
 * user just typed the Auth ID and Auth Token, so a 401 means those are wrong (elsewhere main's
 * words are better: e.g. a saved token that is no longer accepted).
 */
export function describeError(
  error: AppError,
  options: { credentialsTyped?: boolean } = {},
): ErrorText {
  if (error.kind === 'unauthorized' && options.credentialsTyped) {
    return { title: ERROR_KINDS.unauthorized.typed, detail: null }
  }
  const { title } = ERROR_KINDS[error.kind]
  return title === null ? { title: error.message, detail: null } : { title, detail: error.message }
}

/**
 * A form's failure in two parts: the messages about the form's own fields (shown at those
 * fields) and what the banner above the form says, null when every message has its field (a
 * duplicate email says so at the email, with no banner repeating it in the API's words).
 */
export function formFailure(
  error: AppError,
  formFields: readonly string[],
): { fields: Record<string, string>; banner: ErrorText | null } {
  if (error.kind !== 'validation') return { fields: {}, banner: describeError(error) }
  const entries = Object.entries(error.fields)
  const fields = Object.fromEntries(entries.filter(([field]) => formFields.includes(field)))
  const elsewhere = entries.filter(([field]) => !formFields.includes(field))
  if (elsewhere.length > 0) {
    const detail = elsewhere.map(([, message]) => message).join(' ')
    return { fields, banner: { title: 'Vobiz did not accept some details.', detail } }
  }
  return { fields, banner: entries.length > 0 ? null : describeError(error) }
}
