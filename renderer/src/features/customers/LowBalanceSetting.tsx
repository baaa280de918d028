import { memo, useId, useMemo, useState, type FormEvent } from 'react'
import { settingsSchema, type Settings } from '../../../../shared/customers'
import type { Result } from '../../../../shared/result'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { describeError } from '../../lib/error-messages'
import { usePopover } from '../../lib/use-popover'
import { formatBalance } from '../../lib/format'

type ThresholdField = 'lowBalanceThreshold' | 'partnerLowBalanceThreshold'

const TEXTS: Record<
  ThresholdField,
  { label: string; hint: string; action: string; trigger: string }
> = {
  lowBalanceThreshold: {
    trigger: 'under',
    label: 'Low balance threshold',
    hint: 'A customer whose balance is below this amount, in their own currency, has a low balance.',
    action: 'change the low balance threshold',
  },
  partnerLowBalanceThreshold: {
    trigger: 'warn under',
    label: 'Partner balance warning',
    hint: 'The header warns when the partner wallet is below this amount. Kept for this profile.',
    action: 'change when the partner balance warns',
  },
}

export function thresholdText(threshold: string | null): string {
  return threshold === null ? '…' : formatBalance(threshold, null)
}

/**
 * A low-balance threshold (`settings:get` / `settings:set`): a small button showing it, which
 * opens a form to change it. Checked here with the contract's own rule, and again by main.
 */
export const LowBalanceSetting = memo(function LowBalanceSetting({
  threshold,
  onSave,
  field = 'lowBalanceThreshold',
}: {
  threshold: string | null
  onSave: (settings: Partial<Settings>) => Promise<Result<Settings>>
  field?: ThresholdField
}) {
  const texts = TEXTS[field]
  const { open, setOpen, close, anchor, trigger, input } = usePopover()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [saving, setSaving] = useState(false)
  const popoverId = useId()
  const shown = useMemo(() => thresholdText(threshold), [threshold])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (saving) return
    const parsed = settingsSchema.shape[field].safeParse(value.trim())
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Use a plain amount such as 100 or 250.50.')
      input.current?.focus()
      return
    }
    setSaving(true)
    const result = await onSave({ [field]: parsed.data })
    setSaving(false)
    if (result.ok) {
      close()
    } else {
      setError(
        result.error.kind === 'validation'
          ? (result.error.fields[field] ?? result.error.message)
          : describeError(result.error).title,
      )
    }
  }

  return (
    <div className="menu-anchor" ref={anchor}>
      <button
        ref={trigger}
        type="button"
        className="button button-ghost button-small threshold-trigger"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        disabled={threshold === null}
        onClick={() => {
          if (open) return setOpen(false)
          setValue(threshold ?? '')
          setError(undefined)
          setOpen(true)
        }}
      >
        {texts.trigger} {shown}
        <span className="visually-hidden">: {texts.action}</span>
        <Icon name="chevronDown" />
      </button>
      {open && (
        // Esc closes the popover from any of its fields.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <form
          id={popoverId}
          className="popover"
          noValidate
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              close()
            }
          }}
        >
          <TextField
            label={texts.label}
            hint={texts.hint}
            inputRef={input}
            inputMode="decimal"
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
            <button type="button" className="button button-ghost button-small" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button-primary button-small"
              aria-disabled={saving || undefined}
            >
              {saving && <Spinner />}
              Save threshold
            </button>
          </div>
        </form>
      )}
    </div>
  )
})
