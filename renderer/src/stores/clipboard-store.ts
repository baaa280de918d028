import { create } from 'zustand'
import type { AppError } from '../../../shared/app-error'
import { credentialLabel, type ClipboardCleared } from '../../../shared/credentials'
import { ipc } from '../ipc/client'

/**
 * What the clipboard toast says: a secret main copied and when it clears it, then how that went.
 * Never the secret itself: main copies, the page only learns that it did.
 */
export type ClipboardNotice =
  | { state: 'copied'; label: string; clearsAt: string }
  | { state: 'done'; event: ClipboardCleared }
  | { state: 'failed'; label: string; error: AppError }

type ClipboardStore = {
  notice: ClipboardNotice | null
  /** Follows main's `clipboard:cleared` events; returns the unsubscribe. */
  start: () => () => void
  copyCredential: (authId: string, format: 'token' | 'env') => Promise<boolean>
  dismiss: () => void
}

export const useClipboardStore = create<ClipboardStore>((set, get) => ({
  notice: null,
  start: () =>
    ipc.on('clipboard:cleared', (event) => {
      const current = get().notice
      // An older copy's timer cannot end the countdown of a newer one.
      if (current?.state === 'copied' && current.label !== event.label) return
      set({ notice: { state: 'done', event } })
    }),
  async copyCredential(authId, format) {
    const label = credentialLabel(authId, format)
    const result = await ipc.invoke('credentials:copy', { authId, format })
    set({
      notice: result.ok
        ? { state: 'copied', label, clearsAt: result.value.clearsAt }
        : { state: 'failed', label, error: result.error },
    })
    return result.ok
  },
  dismiss: () => set({ notice: null }),
}))
