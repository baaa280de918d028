import { useCallback, useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { BulkBatch } from '../../../../shared/bulk-top-up'
import { ipc } from '../../ipc/client'

/** The profile's last bulk batch: read once, then followed through `bulk:progress`. */
export function useBulkBatch() {
  const [batch, setLatest] = useState<BulkBatch | null>(null)
  const setBatch = useCallback(
    (next: BulkBatch | null) =>
      setLatest((current) =>
        current && next && current.id === next.id && current.revision > next.revision
          ? current
          : next,
      ),
    [],
  )
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  useEffect(() => {
    let current = true
    const read = async () => {
      const result = await ipc.invoke('bulk:state', {})
      if (!current) return
      if (result.ok) setBatch(result.value.batch)
      else setError(result.error)
      setLoaded(true)
    }
    void read()
    const off = ipc.on('bulk:progress', (state) => setBatch(state.batch))
    return () => {
      current = false
      off()
    }
  }, [setBatch])
  return { batch, setBatch, loaded, error, setError }
}

/** A batch still to be finished: running, or left unresolved by a crash, quit or unknown outcome. */
export const isUnfinished = (batch: BulkBatch | null): boolean =>
  batch !== null && batch.status !== 'done' && batch.status !== 'cancelled'
