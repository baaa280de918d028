import type { AppError } from '../../../shared/app-error'

export type ErrorText = {
  /** One sentence that says what happened, in the app's words. */
  title: string
  /** What main said, when it adds something the title does not. */
  detail: string | null
}

/**
 * What a person reads for each kind of failure. `host` is the API address the action went to,
 * when the renderer knows it (the sign-in form does). `credentialsTyped` says the user just typed
 * the Auth ID and Auth Token, so a 401 means those are wrong (elsewhere main's words are better:
 * e.g. a saved token that is no longer accepted).
 */
export function describeError(
  error: AppError,
  options: { host?: string | null; credentialsTyped?: boolean } = {},
): ErrorText {
  const where = options.host
  // Without a known host, main's message (which names it) is the better sentence.
  if (!where && ['offline', 'timeout', 'rate_limited', 'server'].includes(error.kind)) {
    return { title: error.message, detail: null }
  }
  switch (error.kind) {
    case 'unauthorized':
      return options.credentialsTyped
        ? { title: 'The Auth ID or Auth Token is wrong. Check both and try again.', detail: null }
        : { title: error.message, detail: null }
    case 'forbidden':
      return {
        title: 'This partner account is not allowed to do that.',
        detail: error.message,
      }
    case 'offline':
      return {
        title: `Can't reach ${where}. Check the address and your connection.`,
        detail: null,
      }
    case 'timeout':
      return {
        title: `${capitalize(where)} did not answer in time. Check your connection and try again.`,
        detail: null,
      }
    case 'server':
      // Without a status the failure is not the API's (e.g. the app's own main process).
      return error.status
        ? {
            title: `${capitalize(where)} had a problem answering (HTTP ${error.status}). Try again in a little while.`,
            detail: null,
          }
        : { title: error.message, detail: null }
    case 'rate_limited':
      return {
        title: `${capitalize(where)} is limiting requests. Try again ${
          error.retryAfterSeconds === null ? 'in a moment' : `in ${error.retryAfterSeconds} s`
        }.`,
        detail: null,
      }
    case 'validation':
      return {
        title: 'Some details need fixing before you can continue.',
        detail: error.message,
      }
    case 'storage':
      return {
        title: 'Partner Desk could not read or save your token on this computer.',
        detail: error.message,
      }
    case 'file':
      return {
        title: 'Partner Desk could not save a file on this computer.',
        detail: error.message,
      }
    case 'conflict':
    case 'not_found':
    case 'unknown_outcome':
      return { title: error.message, detail: null }
  }
}

function capitalize(text: string | null | undefined): string {
  if (!text) return ''
  return text.charAt(0).toUpperCase() + text.slice(1)
}
