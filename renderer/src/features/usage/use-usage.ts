import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import {
  CDR_PAGE_SIZE,
  type AnalyticsView,
  type CdrFilters,
  type CdrRow,
  type CdrSummaryView,
  type UsagePeriod,
} from '../../../../shared/usage'
import { ipc } from '../../ipc/client'

/**
 * The analytics for a period: the last good reading stays while the next loads or fails. Read
 * again when the connection comes or goes (offline, main answers with its saved reading).
 */
export function useAnalytics(period: UsagePeriod | null, offline: boolean) {
  const key = period ? `${JSON.stringify(period)}${offline ? '|offline' : ''}` : ''
  const [read, setRead] = useState<{
    key: string
    data: AnalyticsView | null
    error: AppError | null
  }>({ key: '', data: null, error: null })
  useEffect(() => {
    if (!key) return
    let current = true
    const asked = JSON.parse(key.replace(/\|offline$/, '')) as UsagePeriod
    void ipc.invoke('usage:analytics', asked).then((result) => {
      if (!current) return
      setRead((before) =>
        result.ok
          ? { key, data: result.value, error: null }
          : { key, data: before.data, error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [key])
  return { data: read.data, error: read.error, loading: key !== '' && read.key !== key }
}

type CdrPagesState = {
  key: string
  pages: ReadonlyMap<number, readonly CdrRow[]>
  total: number | null
  summary: CdrSummaryView | null
  /** Set when the pages shown are saved ones (Vobiz out of reach). */
  savedAt: string | null
  error: AppError | null
}
const EMPTY: CdrPagesState = {
  key: '',
  pages: new Map(),
  total: null,
  summary: null,
  savedAt: null,
  error: null,
}

/**
 * Call records for filters, read from the API a page at a time as the list asks for rows
 * (`need`); a new filter starts over. A failed page can be asked for again.
 */
export function useCdrPages(filters: CdrFilters | null) {
  const key = filters ? JSON.stringify(filters) : ''
  const [state, setState] = useState<CdrPagesState>(EMPTY)
  const inFlight = useRef(new Set<string>())
  const shown = state.key === key ? state : { ...EMPTY, key }

  const need = useCallback(
    (page: number) => {
      const tag = `${key}#${page}`
      if (!key || shown.pages.has(page) || inFlight.current.has(tag)) return
      inFlight.current.add(tag)
      const query = { ...(JSON.parse(key) as CdrFilters), page, perPage: CDR_PAGE_SIZE }
      void ipc.invoke('usage:cdrs', query).then((result) => {
        inFlight.current.delete(tag)
        setState((before) => {
          const base = before.key === key ? before : { ...EMPTY, key }
          if (!result.ok) return { ...base, error: result.error }
          const pages = new Map(base.pages).set(page, result.value.rows)
          return {
            key,
            pages,
            total: result.value.total,
            summary: result.value.summary ?? base.summary,
            savedAt: result.value.savedAt ?? base.savedAt,
            error: null,
          }
        })
      })
    },
    [key, shown.pages],
  )

  useEffect(() => need(1), [need])

  const rowAt = useCallback(
    (index: number): CdrRow | undefined =>
      shown.pages.get(Math.floor(index / CDR_PAGE_SIZE) + 1)?.[index % CDR_PAGE_SIZE],
    [shown.pages],
  )
  return {
    total: shown.total,
    summary: shown.summary,
    savedAt: shown.savedAt,
    error: shown.error,
    loading: key !== '' && shown.total === null && shown.error === null,
    rowAt,
    need,
  }
}
