import { create } from 'zustand'
import type { AppError } from '../../../shared/app-error'
import {
  credentialLabel,
  type ClipboardCleared,
  type CopiedSecret,
} from '../../../shared/credentials'
import type { Result } from '../../../shared/result'
import type { SubAccountOwner } from '../../../shared/subaccounts'
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
  /** A sub-account's token, from this computer's encrypted store. */
  copySubAccount: (
    owner: SubAccountOwner,
    authId: string,
    format: 'token' | 'env',
  ) => Promise<boolean>
  /** A redirect KYC session's link, kept in main. */
  copyKycLink: (sessionId: string) => Promise<boolean>
  dismiss: () => void
  /** The mounted toasts, in mount order: only the newest (the topmost dialog's) shows. */
  toastHosts: readonly string[]
  addToastHost: (id: string) => void
  removeToastHost: (id: string) => void
}

export const useClipboardStore = create<ClipboardStore>((set, get) => {
  async function copied(label: string, pending: Promise<Result<Pick<CopiedSecret, 'clearsAt'>>>) {
    const result = await pending
    set({
      notice: result.ok
        ? { state: 'copied', label, clearsAt: result.value.clearsAt }
        : { state: 'failed', label, error: result.error },
    })
    return result.ok
  }
  return {
    notice: null,
    start: () =>
      ipc.on('clipboard:cleared', (event) => {
        const current = get().notice
        // An older copy's timer cannot end the countdown of a newer one.
        if (current?.state === 'copied' && current.label !== event.label) return
        set({ notice: { state: 'done', event } })
      }),
    copyCredential: (authId, format) =>
      copied(credentialLabel(authId, format), ipc.invoke('credentials:copy', { authId, format })),
    copySubAccount: (owner, authId, format) =>
      copied(
        credentialLabel(authId, format),
        ipc.invoke('subaccounts:copy', { owner, authId, format }),
      ),
    // The label main gives the guard, so its clearing event ends this countdown.
    copyKycLink: (sessionId) => copied('KYC link', ipc.invoke('kyc:copyLink', { sessionId })),
    dismiss: () => set({ notice: null }),
    toastHosts: [],
    addToastHost: (id) => set({ toastHosts: [...get().toastHosts, id] }),
    removeToastHost: (id) => set({ toastHosts: get().toastHosts.filter((host) => host !== id) }),
  }
})
