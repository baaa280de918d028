import { appError, appErrorSchema, type AppError } from '../../../shared/app-error'
import {
  channels,
  events,
  type Channel,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc-contract'
import type { PartnerDeskApi } from '../../../shared/bridge-api'
import { quickCheck } from '../../../shared/quick-checks'
import { err, ok, type Result } from '../../../shared/result'

const NO_BRIDGE = appError.server(
  'Partner Desk could not reach its main process. Restart the app and try again.',
)

/** `window.partnerDesk` (read from globalThis, so that the stores also run in unit tests). */
function bridge(): PartnerDeskApi | undefined {
  return (globalThis as { partnerDesk?: PartnerDeskApi }).partnerDesk
}

/** A reply that is not a valid Result of this channel becomes an error, never a crash. */
function checked<C extends Channel>(channel: C, reply: unknown): Result<ResponseOf<C>> {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    return err(appError.server('Partner Desk got an unreadable reply from its main process.'))
  }
  if (reply.ok === false) {
    const parsed = appErrorSchema.safeParse((reply as { error?: unknown }).error)
    return err(
      parsed.success
        ? parsed.data
        : appError.server('Something went wrong in Partner Desk. Try again.'),
    )
  }
  const raw = (reply as { value?: unknown }).value
  const quick = quickCheck(channel, raw)
  if (quick?.ok) return ok(quick.value as ResponseOf<C>)
  const value = channels[channel].response.safeParse(raw)
  if (!value.success) {
    return err(appError.server('Partner Desk got an unexpected reply from its main process.'))
  }
  return ok(value.data as ResponseOf<C>)
}

/**
 * The renderer's typed door to main. Every call resolves to a Result: IPC failures, a missing
 * bridge and malformed replies become AppErrors, nothing throws.
 */
export const ipc = {
  async invoke<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<Result<ResponseOf<C>>> {
    const api = bridge()
    if (!api) return err(NO_BRIDGE)
    try {
      return checked(channel, await api.invoke(channel, request))
    } catch {
      return err(appError.server('Partner Desk lost contact with its main process. Try again.'))
    }
  },

  /** Subscribes to a main → renderer event; payloads that fail their schema are dropped. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const api = bridge()
    if (!api) return () => {}
    try {
      return api.on(event, (payload) => {
        const parsed = events[event].safeParse(payload)
        if (parsed.success) listener(parsed.data as EventPayload<E>)
      })
    } catch {
      return () => {}
    }
  },

  get platform(): 'electron' | 'web' | 'none' {
    return bridge()?.platform ?? 'none'
  },
}

export type { AppError, Result }
