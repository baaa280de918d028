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
    loading: false,
    error: null,
  })
  const key = offline ? '' : (authId ?? '*')
  useEffect(() => {
    if (!key) return
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
    loading: key !== '' && (!fresh || state.loading),
    error: fresh ? state.error : null,
  }
}
