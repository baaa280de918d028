import { useEffect } from 'react'
import { useNavigationStore } from '../../stores/navigation-store'
import type { CustomersView } from './use-customers-view'

/**
 * Carries out what the command palette or another screen asked of the customers screen (open or
 * top up a customer, export the view, focus the search, show a filter), and tells the palette
 * which customer is selected or open.
 */
export function usePaletteRequests(view: CustomersView, onExport: () => void) {
  const request = useNavigationStore((s) => s.customerRequest)
  const setSelectedCustomer = useNavigationStore((s) => s.setSelectedCustomer)
  const setPendingTopUp = useNavigationStore((s) => s.setPendingTopUp)
  const { index, open, focusSearch, selectedRow, setQuery, setFilters } = view

  const selected = selectedRow === null ? null : (index.rows[selectedRow] ?? null)
  useEffect(() => {
    setSelectedCustomer(selected ? { authId: selected.authId, name: selected.name } : null)
  }, [selected, setSelectedCustomer])

  useEffect(() => {
    if (!request) return
    useNavigationStore.setState({ customerRequest: null })
    if (request.kind === 'export') onExport()
    else if (request.kind === 'search') window.requestAnimationFrame(focusSearch)
    else if (request.kind === 'filter') {
      setQuery('')
      setFilters(request.filters)
    } else {
      const row = index.rows.findIndex((customer) => customer.authId === request.authId)
      if (row === -1) return
      if (request.kind === 'topUp') setPendingTopUp(request.authId)
      open(row)
    }
  }, [request, index, open, focusSearch, setQuery, setFilters, onExport, setPendingTopUp])
}
