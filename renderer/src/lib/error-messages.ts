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
