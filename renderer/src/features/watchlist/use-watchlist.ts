import { useCallback, useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { WatchList } from '../../../../shared/watch'
import { ipc } from '../../ipc/client'
import { useTransfersStore } from '../../stores/transfers-store'

/**
 * The watchlist as main computes it, read again when the ledger's spend was read (`watch:changed`),
 * when a sync replaced the customers, after a top-up (its last top-up column) and on `reload`.
 */
export function useWatchlist() {
  const [state, setState] = useState<{ list: WatchList | null; error: AppError | null }>({
    list: null,
    error: null,
  })
  const [epoch, setEpoch] = useState(0)
  const lastTransfer = useTransfersStore((s) => s.last)
  const reload = useCallback(() => setEpoch((n) => n + 1), [])

  useEffect(() => {
    let current = true
    const read = async () => {
      const result = await ipc.invoke('watch:list', {})
      if (!current) return
      setState((before) =>
        result.ok ? { list: result.value, error: null } : { ...before, error: result.error },
      )
    }
    void read()
    const offWatch = ipc.on('watch:changed', () => void read())
    const offCustomers = ipc.on('customers:changed', () => void read())
    return () => {
      current = false
      offWatch()
      offCustomers()
    }
  }, [epoch, lastTransfer])

  return { ...state, reload }
}
