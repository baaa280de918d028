import { useMemo, useState, type FormEvent } from 'react'
import { settingsSchema, type Settings } from '../../../../shared/customers'
import { TextField } from '../../components/TextField'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { SettingsActions, useSettingsDraft } from './settings-draft'

const CODE = /^[A-Z]{3}$/
const amountRule = settingsSchema.shape.lowBalanceThreshold

/**
 * The currencies a low-balance threshold can be set for: every currency the customer list holds
 * and every one already set. The wallet's currency is the Balances group's field, unless an entry
 * of its own was set (then it is listed here, where it wins).
 */
function useThresholdCurrencies(saved: Readonly<Record<string, string>>): string[] {
  const rows = useCustomersStore((s) => s.rows)
  const wallet = useSessionStore((s) => s.session?.partner?.currency ?? null)?.toUpperCase()
  return useMemo(() => {
    const codes = new Set(Object.keys(saved))
    for (const row of rows) {
      const code = row.currency?.trim().toUpperCase()
      if (code && CODE.test(code) && code !== wallet) codes.add(code)
    }
    return [...codes].sort()
  }, [rows, saved, wallet])
}

/**
 * Low-balance thresholds per currency (`lowBalanceThresholds`): a customer is only compared with
 * its own currency's amount. Blank means no low-balance warning for that currency.
 */
export function CurrencyThresholds({ settings }: { settings: Settings }) {
  const saved = settings.lowBalanceThresholds
  const listed = useThresholdCurrencies(saved)
  const [added, setAdded] = useState<string[]>([])
  const [newCode, setNewCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const { draft, errors, notice, edit, save } = useSettingsDraft<string>()
  const currencies = [...new Set([...listed, ...added])]
  const valueOf = (code: string) => draft[code] ?? saved[code] ?? ''

  function add() {
    const code = newCode.trim().toUpperCase()
    if (!CODE.test(code))
      return setCodeError('Use a three-letter currency code such as INR or USD.')
    if (!currencies.includes(code)) setAdded([...added, code])
    setNewCode('')
    setCodeError(undefined)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    const next: Record<string, string> = {}
    for (const code of currencies) {
      const text = valueOf(code).trim()
      if (text === '') continue
      const parsed = amountRule.safeParse(text)
      if (parsed.success) next[code] = parsed.data
      else found[code] = parsed.error.issues[0]?.message ?? 'Check this amount.'
    }
    await save(found, { lowBalanceThresholds: next })
  }

  return (
    <form
      className="card settings-group"
      aria-labelledby="settings-currency-thresholds"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="settings-currency-thresholds" className="settings-group-title">
        Low balance by currency
      </h3>
      <p className="settings-group-text">
        A customer is only compared with its own currency’s amount. Leave one blank for no
        low-balance warning in that currency.
      </p>
      <div className="settings-fields">
        {currencies.length === 0 && (
          <p className="settings-group-text">
            All customers use the wallet’s currency (set under Balances).
          </p>
        )}
        {currencies.map((code) => (
          <TextField
            key={code}
            label={`${code} customers low under`}
            inputMode="decimal"
            autoComplete="off"
            value={valueOf(code)}
            error={errors[code]}
            onChange={(event) => edit(code, event.target.value)}
          />
        ))}
      </div>
      <div className="settings-add-currency">
        <TextField
          label="Another currency"
          hint="A three-letter code, such as EUR."
          autoComplete="off"
          maxLength={3}
          value={newCode}
          error={codeError}
          onChange={(event) => {
            setNewCode(event.target.value)
            setCodeError(undefined)
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            add()
          }}
        />
        <button type="button" className="button button-secondary button-small" onClick={add}>
          Add
        </button>
      </div>
      <SettingsActions notice={notice} />
    </form>
  )
}
