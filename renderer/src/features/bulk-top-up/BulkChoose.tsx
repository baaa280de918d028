import { useState, type ChangeEvent } from 'react'
import { BULK_CSV_MAX_CHARS, type BulkDryRunRequest } from '../../../../shared/bulk-top-up'
import { checkAmount } from '../../../../shared/transfer-amount'
import { TextField } from '../../components/TextField'

export type SelectedCustomer = { authId: string; name: string }

/** The first step for a selection: one amount for every customer, or each its own. */
export function ChooseAmounts({
  customers,
  currency,
  onCheck,
}: {
  customers: readonly SelectedCustomer[]
  currency: string | null
  onCheck: (request: BulkDryRunRequest) => void
}) {
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [all, setAll] = useState('')
  const allCheck = all ? checkAmount(all) : null
  return (
    <form
      id="bulk-choose"
      noValidate
      className="bulk-choose"
      onSubmit={(event) => {
        event.preventDefault()
        const rows = customers.map(({ authId }) => ({ authId, amount: amounts[authId] ?? all }))
        onCheck({ source: 'selection', rows })
      }}
    >
      <TextField
        label={`Amount for every customer${currency ? ` (${currency})` : ''}`}
        hint="Digits, with up to 5 decimals. Change any row below to give it its own amount."
        inputMode="decimal"
        autoComplete="off"
        value={all}
        error={allCheck && !allCheck.ok ? allCheck.message : undefined}
        onChange={(event) => setAll(event.target.value)}
      />
      <div
        className="scroll-table-frame bulk-amounts"
        role="group"
        aria-label="Amount per customer"
      >
        {customers.map(({ authId, name }) => (
          <label key={authId} className="bulk-amount-row">
            <span className="bulk-customer">
              <span>{name}</span>
              <span className="mono bulk-auth-id">{authId}</span>
            </span>
            <input
              className="input money"
              inputMode="decimal"
              autoComplete="off"
              aria-label={`Amount for ${name}`}
              placeholder={all || '0.00'}
              value={amounts[authId] ?? ''}
              onChange={(event) => {
                const { value } = event.target
                setAmounts((current) => {
                  const { [authId]: _dropped, ...rest } = current
                  return value === '' ? rest : { ...rest, [authId]: value }
                })
              }}
            />
          </label>
        ))}
      </div>
    </form>
  )
}

/** The first step for a file: a CSV of auth id and amount, read here as text, parsed in main. */
export function ChooseFile({ onCheck }: { onCheck: (request: BulkDryRunRequest) => void }) {
  const [problem, setProblem] = useState<string | null>(null)
  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    if (file.size > BULK_CSV_MAX_CHARS * 4)
      return setProblem('The file is too large (at most 200 kB).')
    const text = await file.text()
    if (text.length > BULK_CSV_MAX_CHARS)
      return setProblem('The file is too large (at most 200 kB).')
    if (text.trim() === '') return setProblem('The file is empty.')
    setProblem(null)
    onCheck({ source: 'csv', text })
  }
  return (
    <div className="bulk-choose">
      <p className="section-note">
        A CSV file with an auth id and an amount on each line, such as{' '}
        <code className="mono">MA_1A2B3C4D,500</code>. A header row (<code>auth_id,amount</code>) is
        optional. Nothing is sent before you have checked and confirmed the whole batch.
      </p>
      <div className="field">
        <label className="field-label" htmlFor="bulk-file">
          CSV file
        </label>
        <input
          id="bulk-file"
          className="input bulk-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={problem ? 'bulk-file-problem' : undefined}
          onChange={(event) => void read(event)}
        />
        {problem && (
          <p id="bulk-file-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </div>
  )
}
