import { create } from 'zustand'
import type { TransferResult } from '../../../shared/balance'

type TransfersStore = {
  /** The last transfer this window made, and when: the drawer shows its balance at once. */
  last: { result: TransferResult; at: string } | null
  applied: (result: TransferResult) => void
}

export const useTransfersStore = create<TransfersStore>((set) => ({
  last: null,
  applied: (result) => set({ last: { result, at: new Date().toISOString() } }),
}))
