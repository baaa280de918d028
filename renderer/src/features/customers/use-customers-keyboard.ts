import { useCallback, useEffect, type KeyboardEvent } from 'react'
import type { CustomersView, Move } from './use-customers-view'

const MOVES: Record<string, Move> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
}

/**
 * The table's keyboard model: arrows, Home/End and Page Up/Down move the selection, Enter opens
 * it, Esc clears the search; in the search box ↑/↓ move and Enter opens the first match. Ctrl+F
 * (⌘F on macOS) focuses the search box while the customers are shown (Ctrl+K is the palette).
 */
export function useCustomersKeyboard(view: CustomersView, active: boolean) {
  const { move, open, selectedRow, setQuery, query, focusSearch } = view
  const rowsInView = view.view

  const onGridKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.target !== event.currentTarget) return // the header's sort buttons
      const how = MOVES[event.key]
      if (how) {
        event.preventDefault()
        move(how)
      } else if (event.key === 'Enter' && selectedRow !== null) {
        event.preventDefault()
        open(selectedRow)
      } else if (event.key === 'Escape') {
        event.preventDefault()
        setQuery('')
      }
    },
    [move, open, selectedRow, setQuery],
  )

  const onSearchKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        move(event.key === 'ArrowDown' ? 'next' : 'previous')
      } else if (event.key === 'Enter') {
        event.preventDefault()
        const first = rowsInView[0]
        if (selectedRow !== null && rowsInView.includes(selectedRow)) open(selectedRow)
        else if (first !== undefined) open(first)
      } else if (event.key === 'Escape' && query !== '') {
        event.preventDefault()
        setQuery('')
      }
    },
    [move, open, selectedRow, rowsInView, query, setQuery],
  )

  useEffect(() => {
    if (!active) return
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        focusSearch()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active, focusSearch])

  return { onGridKeyDown, onSearchKeyDown }
}
