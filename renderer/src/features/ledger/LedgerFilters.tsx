import { LEDGER_PAGE_SIZES, LEDGER_TYPES } from '../../../../shared/ledger'
import { SelectField } from '../../components/SelectField'
import { DateRangeFields } from '../../components/DateRangeFields'
import { TYPE_LABELS } from './ledger-format'
import type { LedgerFilterDraft } from './use-ledger'

/** Type, date range and page size of a ledger view. */
export function LedgerFilters({
  draft,
  perPage,
  onChange,
  onPerPage,
}: {
  draft: LedgerFilterDraft
  perPage: number
  onChange: (draft: LedgerFilterDraft) => void
  onPerPage: (perPage: number) => void
}) {
  return (
    <div className="ledger-filters" role="group" aria-label="Ledger filters">
      <SelectField
        label="Type"
        value={draft.type}
        onChange={(event) =>
          onChange({ ...draft, type: event.target.value as LedgerFilterDraft['type'] })
        }
      >
        <option value="">All types</option>
        {LEDGER_TYPES.map((type) => (
          <option key={type} value={type}>
            {TYPE_LABELS[type]}
          </option>
        ))}
      </SelectField>
      <DateRangeFields
        from={draft.from}
        to={draft.to}
        onChange={(range) => onChange({ ...draft, ...range })}
      />
      <SelectField
        label="Per page"
        value={String(perPage)}
        onChange={(event) => onPerPage(Number(event.target.value))}
      >
        {LEDGER_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </SelectField>
    </div>
  )
}
