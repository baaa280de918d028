import { useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import {
  CAPACITY_APPLY_MINUTES,
  type CapacityRecord,
  type CapacityView,
} from '../../../../shared/capacity'
import {
  checkSlots,
  MAX_SLOTS,
  type CapacityMove,
  type CapacityResource,
} from '../../../../shared/vobiz-capacity'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { RESOURCE_LABELS } from './capacity-format'

/**
 * Allocates slots to a customer from the partner's pool, or reclaims them: the slots checked
 * against the documented rules at the field, then a confirmation with both sides before → after.
 * Main sends it once; a lost reply is resolved from the capacity history.
 */
export function CapacityDialog({
  move,
  name,
  view,
  onClose,
  onDone,
  onLost,
}: {
  move: CapacityMove
  name: string
  view: CapacityView
  onClose: () => void
  onDone: (record: CapacityRecord) => void
  /** The reply was lost and main could not tell the outcome: the drawer offers the check. */
  onLost: (error: AppError) => void
}) {
  const [resource, setResource] = useState<CapacityResource>('concurrent_calls')
  const [slotsText, setSlotsText] = useState('')
  const [field, setField] = useState<string | null>(null)
  const [slots, setSlots] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const figures = view[resource]
  const verb = move === 'transfer' ? 'Allocate' : 'Reclaim'
  const most =
    move === 'transfer'
      ? Math.min(figures.partnerRemaining, MAX_SLOTS)
      : Math.min(figures.allocated, figures.customerLimit)

  function review() {
    const checked = checkSlots(move, slotsText, figures)
    if (!checked.ok) return setField(checked.message)
    setField(null)
    setSlots(checked.slots)
  }

  async function send(count: number) {
    setBusy(true)
    setError(null)
    const result = await ipc.invoke('capacity:move', {
      authId: view.authId,
      move,
      resource,
      slots: count,
    })
    setBusy(false)
    if (result.ok) return onDone(result.value)
    if (result.error.kind === 'unknown_outcome') return onLost(result.error)
    setError(result.error)
    if (result.error.kind === 'validation' && result.error.fields.slots) {
      setField(result.error.fields.slots)
      setSlots(null)
    }
  }

  const sign = move === 'transfer' ? 1 : -1
  const change = (before: number, by: number) => (
    <>
      {formatCount(before)} → <strong>{formatCount(before + by)}</strong>
    </>
  )

  return (
    <FormDialog
      title={`${verb} capacity — ${name}`}
      testId="capacity-dialog"
      busy={busy}
      onClose={onClose}
      onSubmit={() => (slots === null ? review() : void send(slots))}
      actions={
        <>
          <button
            type="button"
            className="button button-ghost"
            disabled={busy}
            onClick={() => (slots === null ? onClose() : setSlots(null))}
          >
            {slots === null ? 'Cancel' : 'Back'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            {slots === null
              ? 'Review'
              : `${verb} ${formatCount(slots)} ${slots === 1 ? 'slot' : 'slots'}`}
          </button>
        </>
      }
    >
      {slots === null ? (
        <>
          <fieldset className="kyc-flow">
            <legend className="field-label">What to {verb.toLowerCase()}</legend>
            {(['concurrent_calls', 'cps'] as const).map((value) => (
              <label key={value} className="kyc-flow-option">
                <input
                  type="radio"
                  name="capacity-resource"
                  value={value}
                  checked={resource === value}
                  onChange={() => {
                    setResource(value)
                    setField(null)
                  }}
                />
                <span className="kyc-flow-label">{RESOURCE_LABELS[value]}</span>
              </label>
            ))}
          </fieldset>
          <TextField
            label="Slots"
            inputMode="numeric"
            required
            autoComplete="off"
            hint={
              most > 0
                ? `A whole number, 1 to ${formatCount(most)}.`
                : move === 'transfer'
                  ? "The partner's pool is empty."
                  : 'This partner has allocated none to reclaim.'
            }
            value={slotsText}
            error={field ?? undefined}
            onChange={(e) => setSlotsText(e.target.value)}
          />
        </>
      ) : (
        <>
          <dl className="top-up-summary" data-testid="capacity-summary">
            <div>
              <dt>{RESOURCE_LABELS[resource]}</dt>
              <dd>
                {verb} {formatCount(slots)}
              </dd>
            </div>
            <div>
              <dt>{name}&apos;s limit</dt>
              <dd>{change(figures.customerLimit, sign * slots)}</dd>
            </div>
            <div>
              <dt>Allocated by this partner</dt>
              <dd>{change(figures.allocated, sign * slots)}</dd>
            </div>
            <div>
              <dt>Partner pool left</dt>
              <dd>{change(figures.partnerRemaining, -sign * slots)}</dd>
            </div>
          </dl>
          <p className="banner banner-info" role="note">
            <Icon name="info" className="banner-icon" />
            <span className="banner-text">
              Limits take up to {CAPACITY_APPLY_MINUTES} minutes to apply.
            </span>
          </p>
        </>
      )}
      {error && <ErrorAlert text={describeError(error)} />}
    </FormDialog>
  )
}
