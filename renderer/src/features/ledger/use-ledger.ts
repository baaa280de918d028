import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { LedgerPage, LedgerQuery, LedgerType } from '../../../../shared/ledger'
import { ipc } from '../../ipc/client'
import { useTransfersStore } from '../../stores/transfers-store'

export type LedgerFilterDraft = { type: LedgerType | ''; from: string; to: string }
export const NO_LEDGER_FILTERS: LedgerFilterDraft = { type: '', from: '', to: '' }

export type LedgerState = {
  /** The last page read (kept while the next one loads, and after a failed read). */
  data: LedgerPage | null
  loading: boolean
  error: AppError | null
}

/** The filters as main takes them; the date inputs give `YYYY-MM-DD` or ''. */
export function filtersFor(authId: string | undefined, draft: LedgerFilterDraft) {
  return {
    ...(authId ? { authId } : {}),
    ...(draft.type ? { type: draft.type } : {}),
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
  }
}

export const datesOutOfOrder = (draft: LedgerFilterDraft): boolean =>
  draft.from !== '' && draft.to !== '' && draft.from > draft.to

/**
 * One page of a ledger (a customer's, or all customers' when `authId` is absent), read again
 * when the filters, the page or the page size change, and after a transfer from this window.
 */
export function useLedger(
  authId: string | undefined,
  draft: LedgerFilterDraft,
  page: number,
  perPage: number,
  offline: boolean,
): LedgerState {
  const transferAt = useTransfersStore((s) => s.last?.at ?? '')
  // The query as text: effect dependency and reply tag at once (a new object each render is not).
  const queryText = JSON.stringify({ ...filtersFor(authId, draft), page, perPage })
  // Which read the shown page answers: loading until the current query's reply is in; a
  // transfer from this window reads the page again.
  const key = `${queryText}|${transferAt}`
  const [read, setRead] = useState<{
    key: string
    data: LedgerPage | null
    error: AppError | null
  }>({ key: '', data: null, error: null })
  const skip = offline || datesOutOfOrder(draft)

  useEffect(() => {
    if (skip) return
    let current = true
    void ipc.invoke('transactions:list', JSON.parse(queryText) as LedgerQuery).then((result) => {
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
  }, [key, queryText, skip])

  return { data: read.data, loading: !skip && read.key !== key, error: read.error }
}
