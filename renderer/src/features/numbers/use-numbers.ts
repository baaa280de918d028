import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { NUMBERS_PAGE_SIZE, type PhoneNumberView } from '../../../../shared/numbers'
import { ipc } from '../../ipc/client'

/** The screen reads at most this many numbers (200 pages); past it, search narrows. */
export const MAX_LISTED_NUMBERS = 20_000

export type NumbersState = {
  numbers: readonly PhoneNumberView[]
  /** What Vobiz counts; null before the first page. */
  total: number | null
  /** Set when the list is a saved reading (Vobiz out of reach). */
  savedAt: string | null
  loading: boolean
  error: AppError | null
}

/**
 * Every number of the partner (or of one customer), read page by page into one list so search
 * and filters answer at once. A failed page keeps what was read and says so.
 */
export function useAllNumbers(authId: string | undefined, offline: boolean): NumbersState {
  const [state, setState] = useState<NumbersState & { key: string }>({
    key: '',
    numbers: [],
    total: null,
    savedAt: null,
    loading: false,
    error: null,
  })
  // Read again when the connection comes or goes (offline, main answers with saved pages).
  const key = `${authId ?? '*'}|${offline ? 'offline' : ''}`
  useEffect(() => {
    let current = true
    void (async () => {
      const read: PhoneNumberView[] = []
      for (let page = 1; read.length < MAX_LISTED_NUMBERS; page++) {
        const result = await ipc.invoke('numbers:list', {
          ...(authId ? { authId } : {}),
          page,
          perPage: NUMBERS_PAGE_SIZE,
        })
        if (!current) return
        if (!result.ok) {
          setState((s) => ({ ...s, key, loading: false, error: result.error }))
          return
        }
        read.push(...result.value.numbers)
        const done =
          result.value.numbers.length < NUMBERS_PAGE_SIZE || read.length >= result.value.total
        setState({
          key,
          numbers: [...read],
          total: result.value.total,
          savedAt: result.value.savedAt,
          loading: !done,
          error: null,
        })
        if (done) return
      }
    })()
    return () => {
      current = false
    }
  }, [key, authId])
  const fresh = state.key === key
  return {
    numbers: state.numbers,
    total: state.total,
    savedAt: state.savedAt,
    loading: !fresh || state.loading,
    error: fresh ? state.error : null,
  }
}
