import { create } from 'zustand'
import type { NotificationCentre } from '../../../../shared/notifications'
import { ipc } from '../../ipc/client'
import { useNavigationStore } from '../../stores/navigation-store'

type NotificationsStore = {
  centre: NotificationCentre | null
  /** Loads the centre and follows main's events; returns the unsubscribe. */
  start: () => () => void
  /** Reads the centre again (when it is opened: after the evaluations main has queued). */
  load: () => Promise<void>
  markRead: (id: string | null) => Promise<void>
}

const openCustomer = (authId: string) =>
  useNavigationStore.getState().requestCustomers({ kind: 'open', authId })

/** The notification centre of the signed-in profile, kept by main and pushed as it changes. */
export const useNotificationsStore = create<NotificationsStore>((set, get) => ({
  centre: null,
  start() {
    set({ centre: null })
    const off = [
      ipc.on('notifications:changed', (centre) => set({ centre })),
      // An OS notification was clicked: main brought the window back; the drawer opens here.
      ipc.on('notifications:openCustomer', ({ authId }) => {
        openCustomer(authId)
        void ipc.invoke('notifications:takeOpen', {})
      }),
    ]
    // A window the click opened anew missed that event: main kept the request for it.
    void ipc.invoke('notifications:takeOpen', {}).then((result) => {
      if (result.ok && result.value) openCustomer(result.value.authId)
    })
    void get().load()
    return () => {
      for (const unsubscribe of off) unsubscribe()
    }
  },
  async load() {
    const result = await ipc.invoke('notifications:list', {})
    if (result.ok) set({ centre: result.value })
  },
  async markRead(id) {
    const result = await ipc.invoke('notifications:markRead', { id })
    if (result.ok) set({ centre: result.value })
  },
}))
