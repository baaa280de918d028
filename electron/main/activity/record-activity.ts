import { AppFailure } from '../../../shared/app-error'
import {
  channelNames,
  type Channel,
  type ResponseOf,
  type ValidRequestOf,
} from '../../../shared/ipc-contract'
import type { Logger } from '../platform/logger'
import type { ActivityLog } from './activity-log'
import { RECORDED_CHANNELS, type Recorded } from './recorded-channels'

type Handlers = { [C in Channel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>> }
type AnyHandler = (request: unknown) => Promise<unknown>

/**
 * The handler table with every channel of RECORDED_CHANNELS wrapped: when its handler ends, one
 * entry goes to the profile's activity log (its outcome: ok, cancelled or the error kind). The
 * entry is queued before the reply leaves, so a later read of the log holds it.
 */
export function recordActivity<T extends Handlers>(
  table: T,
  deps: {
    log: Pick<ActivityLog, 'append'>
    /** The profile signed in now, if any. */
    activeProfileId: () => string | null
    /** Whether a profile is saved on this computer. */
    knownProfile: (profileId: string) => boolean
    logger: Logger
  },
): T {
  const wrapped = { ...table } as Record<string, unknown>
  for (const channel of channelNames) {
    const spec = RECORDED_CHANNELS[channel] as Recorded<Channel> | undefined
    if (!spec) continue
    const handler = table[channel] as AnyHandler
    wrapped[channel] = async (request: unknown) => {
      const before = deps.activeProfileId()
      const record = (reply: unknown, outcome: string) => {
        const req = request as ValidRequestOf<Channel>
        const res = reply as ResponseOf<Channel> | null
        // The action is done either way: a recording problem must not turn its reply into a failure.
        try {
          const profile = spec.profile ? spec.profile(req, res, deps.knownProfile) : before
          if (!profile) return
          void deps.log.append(profile, {
            action: spec.action,
            target: spec.target?.(req, res) ?? null,
            detail: spec.detail?.(req) ?? null,
            outcome,
            reference: res && outcome === 'ok' ? (spec.reference?.(res) ?? null) : null,
          })
        } catch (error) {
          deps.logger.error('activity not recorded', { channel, error })
        }
      }
      try {
        const reply = await handler(request)
        record(reply, spec.cancelled?.(reply as ResponseOf<Channel>) ? 'cancelled' : 'ok')
        return reply
      } catch (error) {
        record(null, error instanceof AppFailure ? error.appError.kind : 'server')
        throw error
      }
    }
  }
  return wrapped as T
}
