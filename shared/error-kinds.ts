import type { AppErrorKind } from './app-error'

type KindText = {
  /** The renderer's headline, main's message below it; null: main's message is the headline. */
  readonly title: string | null
  /** Main's wordings of the API's failures of this kind, naming the host the request went to. */
  readonly [wording: string]: unknown
}

const serverSaid = (said: string | null) => (said ? ` The server said: ${said}` : '')

/** Every kind of failure and what a person reads for it: one table for main and the renderer. */
export const ERROR_KINDS = {
  unauthorized: {
    title: null,
    /** On the sign-in form, where the Auth ID and Auth Token were just typed. */
    typed: 'The Auth ID or Auth Token is wrong. Check both and try again.',
    api: (host: string) =>
      `${host} did not accept this Auth ID and Auth Token (401). Check both and try again.`,
  },
  forbidden: {
    title: 'This partner account is not allowed to do that.',
    api: (host: string, said: string | null) =>
      `${host} refused this action for your partner account (403).${serverSaid(said)}`,
  },
  validation: {
    title: 'Some details need fixing before you can continue.',
    api: (host: string, status: number) => `${host} rejected the request as invalid (${status}).`,
  },
  conflict: {
    title: null,
    api: (said: string | null) =>
      `This conflicts with an existing record (409).${serverSaid(said)}`,
  },
  not_found: {
    title: null,
    api: (host: string, said: string | null) =>
      `${host} has no such record (404).${serverSaid(said)}`,
  },
  rate_limited: {
    title: null,
    api: (host: string, retryAfterSeconds: number | null) =>
      `${host} is limiting requests (429). Try again ${
        retryAfterSeconds === null ? 'in a moment' : `in ${retryAfterSeconds} s`
      }.`,
  },
  offline: {
    title: null,
    api: (host: string) => `Can't reach ${host}. Check the address and your network connection.`,
  },
  timeout: {
    title: null,
    api: (host: string) => `${host} did not answer in time. Check your connection and try again.`,
  },
  server: {
    title: null,
    api: (host: string, status: number) =>
      `${host} had a problem answering (HTTP ${status}). Try again soon.`,
    unreadable: (host: string) => `${host} sent a reply Partner Desk could not read.`,
    unexpected: (host: string) => `Unexpected failure talking to ${host}.`,
  },
  /** A change that may have reached the server: the caller checks before offering a retry. */
  unknown_outcome: {
    title: null,
    timeout: (host: string) =>
      `${host} did not answer in time. The change may or may not have been applied.`,
    connectionLost: (host: string) =>
      `The connection to ${host} was lost before its reply arrived. The change may or may not have been applied.`,
    unreadable: (host: string) =>
      `${host} accepted the request but its reply could not be read. Check before retrying.`,
  },
  storage: { title: 'Partner Desk could not read or save your token on this computer.' },
  file: { title: 'Partner Desk could not save a file on this computer.' },
} as const satisfies Record<AppErrorKind, KindText>
