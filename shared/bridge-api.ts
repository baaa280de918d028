import type { Result } from './result'
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './ipc-contract'

/** The one object the preload (or the web bridge's stand-in) puts on `window.partnerDesk`. */
export type PartnerDeskApi = {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** 'electron' in the app, 'web' in the browser preview and tests. */
  readonly platform: 'electron' | 'web'
}

export const BRIDGE_GLOBAL = 'partnerDesk'
