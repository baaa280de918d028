/**
 * The bench's peer (see peer-page.ts): the customer rows and columns in AG Grid Community, with
 * its quick filter, in React. Plain browser JavaScript (bundled by Vite), no JSX: the bench's
 * folder is type-checked for Node.
 *
 * The keystroke probe (renderer.bench.ts) waits for the grid's data-rendered-query to equal the
 * search box: it is set once the rows for that query are in the DOM, as the app sets it in the
 * commit that renders them.
 */
import { createElement as h, useCallback, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'

ModuleRegistry.registerModules([AllCommunityModule])

const FIELDS = JSON.parse(document.getElementById('fields').textContent)
const TUPLES = JSON.parse(document.getElementById('rows').textContent)

const statusOf = (row) =>
  row.enabled === false
    ? 'Disabled'
    : row.active === true
      ? 'Active'
      : row.active === false
        ? 'Inactive'
        : row.enabled === true
          ? 'Enabled'
          : '—'

const ROWS = TUPLES.map((tuple) => {
  const row = Object.fromEntries(FIELDS.map((field, i) => [field, tuple[i]]))
  return { ...row, status: statusOf(row) }
})

const money = new Map()
const moneyText = (currency) => {
  const key = currency ?? 'INR'
  let format = money.get(key)
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: key })
    money.set(key, format)
  }
  return format
}
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** The app searches these columns; the others are left out of the quick filter, as there. */
const notSearched = () => ''
const COLUMNS = [
  { field: 'name', headerName: 'Name', sort: 'asc' },
  { field: 'company', headerName: 'Company' },
  { field: 'email', headerName: 'Email' },
  { field: 'phone', headerName: 'Phone' },
  { field: 'authId', headerName: 'Auth ID' },
  {
    field: 'balance',
    headerName: 'Balance',
    type: 'rightAligned',
    getQuickFilterText: notSearched,
    valueFormatter: (p) =>
      p.value === null ? '—' : moneyText(p.data.currency).format(Number(p.value)),
  },
  { field: 'kycStatus', headerName: 'KYC', getQuickFilterText: notSearched },
  { field: 'status', headerName: 'Status', getQuickFilterText: notSearched },
  {
    field: 'createdAt',
    headerName: 'Created',
    type: 'rightAligned',
    getQuickFilterText: notSearched,
    valueFormatter: (p) => (p.value ? date.format(Date.parse(p.value)) : '—'),
  },
]

/** Calls `done` once the grid's DOM shows `first` (a row id, or no row) at the top. */
function whenShown(root, first, done) {
  const shown = () => {
    const row = root.querySelector('[role="row"][row-index="0"][row-id]')
    return first === null ? row === null : row?.getAttribute('row-id') === first
  }
  if (shown()) return (done(), () => {})
  const observer = new MutationObserver(() => {
    if (!shown()) return
    observer.disconnect()
    done()
  })
  observer.observe(root, { childList: true, subtree: true, attributes: true })
  return () => observer.disconnect()
}

function Peer() {
  const [query, setQuery] = useState('')
  const rootRef = useRef(null)
  const pending = useRef(() => {})
  const onModelUpdated = useCallback((event) => {
    const root = rootRef.current
    if (!root) return
    const text = event.api.getGridOption('quickFilterText') ?? ''
    const first = event.api.getDisplayedRowAtIndex(0)?.id ?? null
    pending.current()
    pending.current = whenShown(root, first, () => {
      root.setAttribute('data-rendered-query', text)
      root.setAttribute('data-ready', '')
    })
  }, [])
  return h(
    'main',
    { style: { display: 'flex', flexDirection: 'column', height: '100vh', gap: 8 } },
    h(
      'label',
      null,
      'Search customers ',
      h('input', { type: 'search', value: query, onChange: (e) => setQuery(e.target.value) }),
    ),
    h(
      'div',
      { ref: rootRef, 'data-testid': 'customers-grid', style: { flex: 1 } },
      h(AgGridReact, {
        rowData: ROWS,
        columnDefs: COLUMNS,
        quickFilterText: query,
        // Its documented speed-up for the quick filter: each row's text is built once, as the
        // app builds its search keys once.
        cacheQuickFilter: true,
        getRowId: (p) => p.data.authId,
        rowHeight: 40,
        headerHeight: 38,
        onModelUpdated,
      }),
    ),
  )
}

createRoot(document.getElementById('root')).render(h(Peer))
