import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { PhoneNumberView } from '../../../../shared/numbers'
import { PhoneText } from '../../components/PhoneText'
import { codeLabel, formatBalance } from '../../lib/format'

const ROW_HEIGHT = 40

const CAPABILITY_LABELS: Record<string, string> = {
  voice: 'Voice',
  sms: 'SMS',
  mms: 'MMS',
  fax: 'Fax',
}

/** "Jun 5, 2026" for a `YYYY-MM-DD` day (a day, so no time zone shift). */
function dayText(day: string | null): string {
  if (!day) return '—'
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (!match) return day
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toLocaleDateString(
    undefined,
    { dateStyle: 'medium' },
  )
}

/**
 * Phone numbers in virtual rows; the owner column only where numbers of many customers show.
 * `fill`: the list takes the height it is given (a screen); otherwise up to 12 rows (a drawer).
 */
export function NumbersList({
  numbers,
  ownerName,
  label,
  fill = false,
}: {
  numbers: readonly PhoneNumberView[]
  /** Absent: one customer's numbers (no owner column). */
  ownerName?: (authId: string | null) => string
  label: string
  fill?: boolean
}) {
  const scroller = useRef<HTMLDivElement | null>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: numbers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1000, height: 400 },
  })
  const columns = [
    'Number',
    ...(ownerName ? ['Customer'] : []),
    'Status',
    'Country',
    'Capabilities',
    'Monthly fee',
    'Next billing',
  ]
  const rowClass = `numbers-row${ownerName ? ' has-owner' : ''}`
  // Both parts scroll (sideways when narrow, the rows down): focusable, for the keyboard.
  return (
    <div
      className={`numbers-table-wrap${fill ? ' is-filling' : ''}`}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <div
        className="numbers-table"
        role="table"
        aria-label={label}
        aria-rowcount={numbers.length + 1}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={`${rowClass} numbers-head`}>
            {columns.map((c) => (
              <div
                key={c}
                role="columnheader"
                className={c === 'Monthly fee' ? 'numbers-cell num' : 'numbers-cell'}
              >
                {c}
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          tabIndex={0}
          className={`numbers-scroll${ownerName ? ' has-owner' : ''}`}
          style={fill ? undefined : { maxHeight: Math.min(numbers.length, 12) * ROW_HEIGHT + 2 }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const n = numbers[item.index]
              if (!n) return null
              return (
                <div
                  key={n.e164}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={rowClass}
                  data-testid="number-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div role="cell" className="numbers-cell">
                    <PhoneText raw={n.e164} />
                  </div>
                  {ownerName && (
                    <div role="cell" className="numbers-cell">
                      {ownerName(n.authId)}
                    </div>
                  )}
                  <div role="cell" className="numbers-cell">
                    <span className={`number-status is-${n.status ?? 'unknown'}`}>
                      {n.status ? codeLabel(n.status) : '—'}
                    </span>
                  </div>
                  <div role="cell" className="numbers-cell">
                    {[n.country, n.region].filter(Boolean).join(' · ') || '—'}
                  </div>
                  <div role="cell" className="numbers-cell">
                    {n.capabilities.map((c) => CAPABILITY_LABELS[c] ?? c).join(', ') || '—'}
                  </div>
                  <div
                    role="cell"
                    className="numbers-cell num money-cell"
                    title={formatBalance(n.monthlyFee, n.currency)}
                  >
                    {formatBalance(n.monthlyFee, n.currency, 'table')}
                  </div>
                  <div role="cell" className="numbers-cell">
                    {dayText(n.nextBillingDate)}
                  </div>
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}
