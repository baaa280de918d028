import { useCallback, useEffect, useId, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import {
  CAPACITY_APPLY_MINUTES,
  type CapacityRecord,
  type CapacityView,
} from '../../../../shared/capacity'
import type { CapacityMove } from '../../../../shared/vobiz-capacity'
import { Disclosure } from '../../components/Disclosure'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { CapacityDialog } from './CapacityDialog'
import { RESOURCE_LABELS, slotsOf } from './capacity-format'

type Props = { authId: string; name: string; offline: boolean }

const doneNote = (record: CapacityRecord) =>
  `${record.move === 'transfer' ? 'Allocated' : 'Reclaimed'} ` +
  `${slotsOf(record.slots, record.resource)} (${record.transferReference})` +
  `${record.recovered ? ', found after the reply was lost' : ''}. ` +
  `Limits take up to ${CAPACITY_APPLY_MINUTES} minutes to apply.`

function Capacity({ authId, name, offline }: Props) {
  const reasonId = useId()
  const [view, setView] = useState<CapacityView | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [lost, setLost] = useState<AppError | null>(null)
  const [dialog, setDialog] = useState<CapacityMove | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)

  const read = useCallback(async () => {
    const result = await ipc.invoke('capacity:get', { authId })
    if (result.ok) {
      setView(result.value)
      setError(null)
    } else setError(result.error)
  }, [authId])
  useEffect(() => {
    if (!offline) void read()
  }, [offline, read])

  async function check() {
    setChecking(true)
    const result = await ipc.invoke('capacity:check', { authId })
    setChecking(false)
    if (!result.ok) return setLost(result.error)
    setLost(null)
    setNote(
      result.value.applied
        ? doneNote(result.value.applied)
        : 'The change was not applied: you can send it again.',
    )
    void read()
  }

  const blocked = offline
    ? 'Offline: capacity can be changed once Vobiz can be reached.'
    : error?.kind === 'forbidden'
      ? error.message
      : lost
        ? 'Check the last change before sending another.'
        : !view
          ? 'The allocation has not been read yet.'
          : null
  const button = (move: CapacityMove, label: string) => (
    <button
      type="button"
      className={`button button-${move === 'transfer' ? 'primary' : 'secondary'} button-small${blocked ? ' is-unavailable' : ''}`}
      aria-disabled={blocked !== null || undefined}
      aria-describedby={blocked ? reasonId : undefined}
      onClick={() => !blocked && setDialog(move)}
    >
      {label}
    </button>
  )

  return (
    <div className="customer-capacity" data-testid="customer-capacity">
      {!offline && !view && !error && <Spinner />}
      {error && <ErrorAlert text={describeError(error)} />}
      {view && (
        <table className="ledger-table capacity-table">
          <caption className="visually-hidden">Capacity of {name}</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col" className="is-end">
                Customer limit
              </th>
              <th scope="col" className="is-end">
                Allocated by you
              </th>
              <th scope="col" className="is-end">
                Your pool left
              </th>
            </tr>
          </thead>
          <tbody>
            {(['concurrent_calls', 'cps'] as const).map((resource) => (
              <tr key={resource} data-testid={`capacity-${resource}`}>
                <th scope="row">{RESOURCE_LABELS[resource]}</th>
                <td className="is-end">{formatCount(view[resource].customerLimit)}</td>
                <td className="is-end">{formatCount(view[resource].allocated)}</td>
                <td className="is-end">{formatCount(view[resource].partnerRemaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lost && (
        <div className="banner banner-warning" role="alert" data-testid="capacity-lost">
          <Icon name="alert" className="banner-icon" />
          <span className="banner-text">{lost.message}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={checking}
            onClick={() => void check()}
          >
            {checking && <Spinner />}
            Check whether it was applied
          </button>
        </div>
      )}
      {note && (
        <p className="section-note" role="status" data-testid="capacity-note">
          <Icon name="check" /> {note}
        </p>
      )}
      <div className="kyc-actions">
        {button('transfer', 'Allocate')}
        {button('reclaim', 'Reclaim')}
      </div>
      {blocked && (
        <p id={reasonId} className="credential-note is-warning" data-testid="capacity-blocked">
          <Icon name={offline ? 'wifiOff' : 'info'} /> {blocked}
        </p>
      )}
      {dialog && view && (
        <CapacityDialog
          move={dialog}
          name={name}
          view={view}
          onClose={() => setDialog(null)}
          onDone={(record) => {
            setDialog(null)
            setNote(doneNote(record))
            void read()
          }}
          onLost={(lostError) => {
            setDialog(null)
            setLost(lostError)
          }}
        />
      )}
    </div>
  )
}

/** Concurrent calls and CPS in the drawer: the limits, what this partner gave, its pool. */
export function CustomerCapacity(props: Props) {
  return (
    <Disclosure title="Capacity" testId="drawer-capacity">
      {() => <Capacity {...props} />}
    </Disclosure>
  )
}
