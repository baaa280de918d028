import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { CDR_PAGE_SIZE, type CdrRow } from '../../../../shared/usage'
import { durationText, startText } from './usage-format'
import { PhoneText } from '../../components/PhoneText'
import { CostText } from './CostText'

const ROW_HEIGHT = 40

const COLUMNS = [
  'Started',
  'Customer',
  'Direction',
  'From',
  'To',
  'Duration',
  'Hangup cause',
  'Cost',
]

/**
 * The call list: virtual rows over the whole result (`total`), the pages in view asked for as
 * they scroll in. A row's first cell is a button that opens the call's full record.
 */
export function CdrList({
  total,
  rowAt,
  need,
  customerName,
  onOpen,
}: {
  total: number
  rowAt: (index: number) => CdrRow | undefined
  need: (page: number) => void
  customerName: (authId: string | null) => string
  onOpen: (row: CdrRow) => void
}) {
  const scroller = useRef<HTMLDivElement | null>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: { width: 1100, height: 480 },
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (total === 0) return
    for (let p = Math.floor(first / CDR_PAGE_SIZE); p <= Math.floor(last / CDR_PAGE_SIZE); p++) {
      need(p + 1)
    }
  }, [first, last, need, total])

  return (
    <div className="cdr-table" role="table" aria-label="Calls" aria-rowcount={total + 1}>
      <div role="rowgroup" className="cdr-head">
        <div role="row" aria-rowindex={1} className="cdr-row">
          {COLUMNS.map((c) => (
            <div key={c} role="columnheader" className={c === 'Cost' ? 'cdr-cell num' : 'cdr-cell'}>
              {c}
            </div>
          ))}
        </div>
      </div>
      <div ref={scroller} className="cdr-scroll" data-testid="cdr-list">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index)
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="cdr-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <>
                    <div role="cell" className="cdr-cell">
                      <button type="button" className="link-button" onClick={() => onOpen(row)}>
                        {startText(row.startedAt)}
                      </button>
                    </div>
                    <div role="cell" className="cdr-cell">
                      {customerName(row.authId)}
                    </div>
                    <div role="cell" className="cdr-cell">
                      {row.direction === 'inbound'
                        ? 'Inbound'
                        : row.direction === 'outbound'
                          ? 'Outbound'
                          : '—'}
                    </div>
                    <div role="cell" className="cdr-cell mono">
                      {row.from ? <PhoneText raw={row.from} /> : '—'}
                    </div>
                    <div role="cell" className="cdr-cell mono">
                      {row.to ? <PhoneText raw={row.to} /> : '—'}
                    </div>
                    <div role="cell" className="cdr-cell">
                      {durationText(row.duration)}
                    </div>
                    <div role="cell" className="cdr-cell mono">
                      {row.hangupCause ?? '—'}
                    </div>
                    <div role="cell" className="cdr-cell num money">
                      <CostText cost={row.cost} currency={row.currency} />
                    </div>
                  </>
                ) : (
                  <div role="cell" className="cdr-cell cdr-loading">
                    Loading…
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
