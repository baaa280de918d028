import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { CustomerRow } from '../../../../shared/customers'
import { useCustomersStore } from '../../stores/customers-store'

export const REMOTE_DEBOUNCE_MS = 300

export type RemoteSearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; rows: readonly CustomerRow[]; total: number }
  | { status: 'failed'; query: string; error: AppError }

type Answer = Exclude<RemoteSearchState, { status: 'idle' | 'searching' }>

const NO_ROWS: readonly CustomerRow[] = Object.freeze([])

/**
 * Vobiz's own search (`customers:searchRemote`), debounced, for before the first sync has
 * completed. Only the answer to the latest query is kept; older replies are dropped.
 */
export function useRemoteSearch(query: string, enabled: boolean): RemoteSearchState {
  const searchRemote = useCustomersStore((s) => s.searchRemote)
  const trimmed = query.trim()
  const active = enabled && trimmed !== ''
  const [answer, setAnswer] = useState<Answer | null>(null)

  useEffect(() => {
    if (!active) return
    let current = true
    const timer = window.setTimeout(() => {
      void searchRemote(trimmed).then((result) => {
        if (!current) return
        setAnswer(
          result.ok
            ? { status: 'done', query: trimmed, rows: result.value.rows, total: result.value.total }
            : { status: 'failed', query: trimmed, error: result.error },
        )
      })
    }, REMOTE_DEBOUNCE_MS)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [active, trimmed, searchRemote])

  if (!active) return { status: 'idle' }
  if (answer?.query === trimmed) return answer
  return { status: 'searching', query: trimmed }
}

export const remoteRows = (state: RemoteSearchState): readonly CustomerRow[] =>
  state.status === 'done' ? state.rows : NO_ROWS
