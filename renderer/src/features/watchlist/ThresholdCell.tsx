import { useId, useState, type FormEvent } from 'react'
import { thresholdOverrideSchema, type ThresholdOverride } from '../../../../shared/watch'
import { Icon } from '../../components/Icon'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { usePopover } from '../../lib/use-popover'
import { formatBalance } from '../../lib/format'

type Kind = ThresholdOverride['kind']

function thresholdText(
  threshold: ThresholdOverride | null,
  defaultDays: number,
  currency: string | null,
) {
  if (!threshold) return `${defaultDays} days (default)`
  return threshold.kind === 'days'
    ? `${threshold.days} days`
    : `Below ${formatBalance(threshold.amount, currency)}`
}

/** Reads the form into an override, or the field's message. */
function parse(kind: Kind, value: string): { ok: true; value: ThresholdOverride } | string {
  const text = value.trim()
  const draft =
    kind === 'days' ? { kind, days: text === '' ? NaN : Number(text) } : { kind, amount: text }
  const parsed = thresholdOverrideSchema.safeParse(draft)
  if (parsed.success) return { ok: true, value: parsed.data }
  return parsed.error.issues[0]?.message ?? 'Check this value.'
}

/**
 * A customer's own threshold: a button showing it, opening a small form (days of runway or an
 * amount in the customer's currency, or back to the default), checked field by field here with
 * the contract's rule and again by main.
 */
export function ThresholdCell({
  authId,
  name,
  threshold,
  defaultDays,
  currency,
  onSaved,
}: {
  authId: string
  name: string
  threshold: ThresholdOverride | null
  defaultDays: number
  currency: string | null
  onSaved: () => void
}) {
  const { open, setOpen, close, anchor, trigger, input } = usePopover()
  const [kind, setKind] = useState<Kind>('days')
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [saving, setSaving] = useState(false)
  const formId = useId()

  async function save(next: ThresholdOverride | null) {
    setSaving(true)
    const result = await ipc.invoke('watch:setThreshold', { authId, threshold: next })
    setSaving(false)
    if (!result.ok) return setError(describeError(result.error).title)
    close()
    onSaved()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (saving) return
    const parsed = parse(kind, value)
    if (typeof parsed === 'string') {
      setError(parsed)
      input.current?.focus()
      return
    }
    void save(parsed.value)
  }

  return (
    <div className="menu-anchor" ref={anchor}>
      <button
        ref={trigger}
        type="button"
        className="button button-ghost button-small threshold-trigger"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => {
          if (open) return setOpen(false)
          setKind(threshold?.kind ?? 'days')
          setValue(
            threshold?.kind === 'amount'
              ? threshold.amount
              : String(threshold?.days ?? defaultDays),
          )
          setError(undefined)
          setOpen(true)
        }}
      >
        {thresholdText(threshold, defaultDays, currency)}
        <span className="visually-hidden">: change the threshold of {name}</span>
        <Icon name="chevronDown" />
      </button>
      {open && (
        // Esc closes the popover from any of its fields.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <form
          id={formId}
          className="popover watch-threshold-form"
          aria-label={`Threshold of ${name}`}
          noValidate
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              close()
            }
          }}
        >
          <SelectField
            label="Threshold as"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as Kind)
              setError(undefined)
            }}
          >
            <option value="days">Days of runway</option>
            <option value="amount">An amount</option>
          </SelectField>
          <TextField
            label={kind === 'days' ? 'Days' : `Amount${currency ? ` (${currency})` : ''}`}
            hint={
              kind === 'days'
                ? 'Listed when the balance lasts fewer days than this.'
                : 'Listed when the balance is below this amount.'
            }
            inputRef={input}
            inputMode={kind === 'days' ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            value={value}
            error={error}
            onChange={(event) => {
              setValue(event.target.value)
              setError(undefined)
            }}
          />
          <div className="popover-actions">
            {threshold && (
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => void save(null)}
              >
                Use default
              </button>
            )}
            <button type="button" className="button button-ghost button-small" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button-primary button-small"
              aria-disabled={saving || undefined}
            >
              Save threshold
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
