import type { PartnerDeskApi } from '../../shared/bridge-api'

declare global {
  interface Window {
    /** Put there by the preload (or the web bridge's stand-in); absent in a bare browser. */
    readonly partnerDesk?: PartnerDeskApi
  }
}

export {}
