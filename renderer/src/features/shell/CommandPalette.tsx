import { Command } from 'cmdk'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Icon } from '../../components/Icon'
import { useCustomersStore } from '../../stores/customers-store'
import { useNavigationStore, type HomeSection } from '../../stores/navigation-store'
import { NO_FILTERS } from '../customers/customer-filters'
import { customerIndexFor } from '../customers/customer-index-cache'
import { searchTerms } from '../customers/normalise'
import { paletteActions } from './palette-actions'
import { SECTIONS } from './Sidebar'

const MAX_CUSTOMERS = 8
const BY_NAME = { column: 'name', direction: 'ascending' } as const

const matches = (query: string, ...texts: string[]) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const haystack = texts.join(' ').toLowerCase()
  return words.every((word) => haystack.includes(word))
}

/** The topmost open modal <dialog> (the drawer): the palette goes inside it, or it is inert. */
const topDialog = (): HTMLElement | undefined => {
  const open = document.querySelectorAll<HTMLDialogElement>('dialog[open]')
  return open[open.length - 1]
}

/**
 * Ctrl+K (⌘K on macOS) from anywhere, also over the drawer: jump to a customer (the table's own
 * search index, any field), to a screen, or run an action. Esc closes it and focus goes back.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [container, setContainer] = useState<HTMLElement | undefined>(undefined)
  const opener = useRef<HTMLElement | null>(null)
  const rows = useCustomersStore((s) => s.rows)
  const selected = useNavigationStore((s) => s.selectedCustomer)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        event.stopPropagation()
        setContainer(topDialog())
        setQuery('')
        setOpen((was) => {
          if (!was) opener.current = document.activeElement as HTMLElement | null
          return !was
        })
      }
    }
    // Capture: ahead of any handler inside a dialog.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  const customers = useMemo(() => {
    const terms = searchTerms(query)
    if (!open || terms.length === 0) return []
    const index = customerIndexFor(rows)
    const view = index.view({ terms, sort: BY_NAME, filters: NO_FILTERS, threshold: null })
    return Array.from(view.subarray(0, MAX_CUSTOMERS), (row) => index.rows[row]).filter(
      (row) => row !== undefined,
    )
  }, [open, query, rows])
  const screens = SECTIONS.filter((section) => matches(query, section.label, 'go to screen'))
  const actions = open
    ? paletteActions(selected).filter((action) => matches(query, action.label, action.keywords))
    : []

  /** Closed without a choice: focus goes back where it was (in the drawer, say). */
  function dismiss() {
    setOpen(false)
    const back = opener.current
    window.requestAnimationFrame(() => back?.focus())
  }

  function run(then: () => void) {
    setOpen(false)
    // After the palette has closed.
    window.requestAnimationFrame(then)
  }

  const goTo = (section: HomeSection) =>
    run(() => {
      useNavigationStore.getState().show(section)
      window.requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.sidebar [aria-current="page"]')?.focus(),
      )
    })

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : dismiss())}
      label="Command palette"
      shouldFilter={false}
      loop
      container={container}
      overlayClassName="palette-overlay"
      contentClassName="palette"
      onKeyDown={(event) => {
        // Inside the drawer the native <dialog> would take Esc as its own cancel.
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        dismiss()
      }}
    >
      <div className="palette-search">
        <Icon name="search" />
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder="Jump to a customer, a screen or an action…"
          className="palette-input"
        />
      </div>
      <Command.List className="palette-list" label="Results">
        <Command.Empty className="palette-empty">Nothing matches.</Command.Empty>
        {customers.length > 0 && (
          <Command.Group heading="Customers" className="palette-group">
            {customers.map((row) => (
              <Command.Item
                key={row.authId}
                value={`customer:${row.authId}`}
                className="palette-item"
                onSelect={() =>
                  run(() =>
                    useNavigationStore
                      .getState()
                      .requestCustomers({ kind: 'open', authId: row.authId }),
                  )
                }
              >
                <Icon name="user" />
                <span className="palette-item-text">
                  <span className="palette-item-label">{row.name || row.authId}</span>
                  <span className="palette-item-meta">
                    {[row.company, row.email, row.authId].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {screens.length > 0 && (
          <Command.Group heading="Screens" className="palette-group">
            {screens.map((section) => (
              <Command.Item
                key={section.id}
                value={`screen:${section.id}`}
                className="palette-item"
                onSelect={() => goTo(section.id)}
              >
                <Icon name={section.icon} />
                <span className="palette-item-label">{section.label}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {actions.length > 0 && (
          <Command.Group heading="Actions" className="palette-group">
            {actions.map((action) => (
              <Command.Item
                key={action.id}
                value={`action:${action.id}`}
                className="palette-item"
                onSelect={() => run(action.run)}
              >
                <Icon name="command" />
                <span className="palette-item-label">{action.label}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
    </Command.Dialog>
  )
}
