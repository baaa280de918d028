import { useEffect, useRef } from 'react'
import type { CreatedCustomer } from '../../../../shared/new-customer-draft'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { hasFilters, NO_FILTERS } from './customer-filters'
import type { CustomersView } from './use-customers-view'

type Pending = { readonly authId: string; readonly cleared: boolean }

/**
 * After the New customer dialog's Done, the new customer's row is selected and scrolled into view,
 * so the partner sees where it went. Main adds the row to the cached list on creation; until that
 * list arrives this waits. When the search or filters hide the row they are cleared once; if the
 * partner narrows the list again before the row shows, it gives up.
 */
export function useRevealCreated(view: CustomersView) {
  const created = useNewCustomerStore((s) => s.lastCreated)
  const seen = useRef<CreatedCustomer | null>(null)
  const pending = useRef<Pending | null>(null)
  const { reveal, query, filters, setQuery, setFilters } = view
  const narrowed = query !== '' || hasFilters(filters)

  useEffect(() => {
    if (created && created !== seen.current) {
      seen.current = created
      pending.current = { authId: created.authId, cleared: false }
    }
    const waiting = pending.current
    if (waiting === null) return
    const found = reveal(waiting.authId)
    if (found === 'shown') pending.current = null
    else if (found === 'hidden' && !waiting.cleared) {
      pending.current = { ...waiting, cleared: true }
      setQuery('')
      setFilters(NO_FILTERS)
    } else if (waiting.cleared && narrowed) pending.current = null
  }, [created, reveal, narrowed, setQuery, setFilters])
}
