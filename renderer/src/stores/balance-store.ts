import { create } from 'zustand'
import type { PartnerBalance } from '../../../shared/balance'
import { ipc } from '../ipc/client'

type BalanceStore = {
  partner: PartnerBalance | null
  /** Follows main's readings and tells main when the window is hidden; returns the unsubscribe. */
  start: () => () => void
}

export const useBalanceStore = create<BalanceStore>((set) => ({
  partner: null,
  start() {
    const off = ipc.on('balance:partner', (partner) => set({ partner }))
    void ipc.invoke('balance:get', {}).then((result) => {
      if (result.ok) set({ partner: result.value })
    })
    // Hidden (minimised, another tab in the preview): main pauses the refresh.
    const report = () =>
      void ipc.invoke('app:visibility', { visible: document.visibilityState === 'visible' })
    document.addEventListener('visibilitychange', report)
    report()
    return () => {
      off()
      document.removeEventListener('visibilitychange', report)
    }
  },
}))
