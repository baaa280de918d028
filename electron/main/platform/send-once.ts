import { AppFailure, type AppError } from '../../../shared/app-error'

/**
 * What looking a lost send up found: it was applied (`found` is what the lookup read), it was
 * not, or the lookup itself failed (`error`), and the send stays unresolved.
 */
export type LookedUp<S, F> =
  | { kind: 'applied'; sent: S; found: F }
  | { kind: 'not-applied'; sent: S }
  | { kind: 'unchecked'; sent: S; error: unknown }

export type SendOnce<S, F> = ReturnType<typeof createSendOnce<S, F>>

/**
 * Calls that must not be applied twice (create a customer, transfer balance). A call is never
 * retried. When its reply is lost (`unknown_outcome`), what was sent is kept under its key as
 * unresolved, and looked up at once and whenever asked, until a lookup tells whether it was
 * applied; the services refuse to send again under an unresolved key.
 */
export function createSendOnce<S, F>(options: {
  /** What was applied for this send: what the lookup found, or null; throws when it cannot tell. */
  lookUp: (sent: S, key: string) => Promise<F | null>
  /** Told of each lost reply, before its lookup. */
  onLost?: (sent: S, key: string) => void
}) {
  const inFlight = new Set<string>()
  const lost = new Map<string, S>()

  async function lookUp(key: string, sent: S): Promise<LookedUp<S, F>> {
    let found: F | null
    try {
      found = await options.lookUp(sent, key)
    } catch (error) {
      return { kind: 'unchecked', sent, error }
    }
    lost.delete(key)
    return found === null ? { kind: 'not-applied', sent } : { kind: 'applied', sent, found }
  }

  return {
    /**
     * Runs `work` holding the key: meanwhile another `exclusive` on it fails with `busy`. The key
     * is let go however `work` ends, a failure before anything was sent included.
     */
    async exclusive<T>(key: string, busy: AppError, work: () => Promise<T>): Promise<T> {
      if (inFlight.has(key)) throw new AppFailure(busy)
      inFlight.add(key)
      try {
        return await work()
      } finally {
        inFlight.delete(key)
      }
    },

    /** What was sent under the key and lost, its outcome not known yet. */
    unresolved: (key: string): S | undefined => lost.get(key),

    /** Makes the call once. A lost reply is looked up at once; any other failure is thrown. */
    async send<R>(
      key: string,
      sent: S,
      call: () => Promise<R>,
    ): Promise<{ kind: 'replied'; reply: R } | LookedUp<S, F>> {
      try {
        return { kind: 'replied', reply: await call() }
      } catch (error) {
        if (!(error instanceof AppFailure) || error.appError.kind !== 'unknown_outcome') throw error
        lost.set(key, sent)
        options.onLost?.(sent, key)
        return lookUp(key, sent)
      }
    },

    /**
     * Looks up what was lost under the key, or `sent` when the caller can say what it was (the
     * app may have restarted since); null when there is nothing to look up.
     */
    async check(key: string, sent = lost.get(key)): Promise<LookedUp<S, F> | null> {
      return sent === undefined ? null : lookUp(key, sent)
    },
  }
}
