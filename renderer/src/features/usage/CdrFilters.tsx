import { CALL_DIRECTIONS, CALL_STATUSES } from '../../../../shared/usage'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'

export type CdrFilterDraft = {
  direction: string
  status: string
  hangupCause: string
  /** Whole seconds as typed; '' for none. */
  minDuration: string
}
export const NO_CDR_FILTERS: CdrFilterDraft = {
  direction: '',
  status: '',
  hangupCause: '',
  minDuration: '',
}

export const STATUS_LABELS: Record<string, string> = {
  answered: 'Answered',
  failed: 'Failed',
  busy: 'Busy',
  no_answer: 'No answer',
}

/** Field messages for what the API would refuse; empty when the draft can be sent. */
export function cdrDraftErrors(
  draft: CdrFilterDraft,
): Partial<Record<keyof CdrFilterDraft, string>> {
  const errors: Partial<Record<keyof CdrFilterDraft, string>> = {}
  const cause = draft.hangupCause.trim()
  if (cause && !/^[A-Za-z0-9_]{1,64}$/.test(cause)) {
    errors.hangupCause = 'Letters, digits and _ only, e.g. NORMAL_CLEARING.'
  }
  const seconds = draft.minDuration.trim()
  if (seconds && (!/^\d+$/.test(seconds) || Number(seconds) > 86_400)) {
    errors.minDuration = 'Whole seconds, 0 to 86400.'
  }
  return errors
}

/** Direction, status, hangup cause and minimum duration of the call list. */
export function CdrFilters({
  draft,
  onChange,
}: {
  draft: CdrFilterDraft
  onChange: (draft: CdrFilterDraft) => void
}) {
  const errors = cdrDraftErrors(draft)
  return (
    <div className="usage-filters" role="group" aria-label="Call filters">
      <SelectField
        label="Direction"
        value={draft.direction}
        onChange={(event) => onChange({ ...draft, direction: event.target.value })}
      >
        <option value="">Both</option>
        {CALL_DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {d === 'inbound' ? 'Inbound' : 'Outbound'}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={draft.status}
        onChange={(event) => onChange({ ...draft, status: event.target.value })}
      >
        <option value="">Any status</option>
        {CALL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Hangup cause"
        placeholder="NORMAL_CLEARING"
        value={draft.hangupCause}
        error={errors.hangupCause}
        spellCheck={false}
        onChange={(event) => onChange({ ...draft, hangupCause: event.target.value })}
      />
      <TextField
        label="Min. duration (s)"
        inputMode="numeric"
        value={draft.minDuration}
        error={errors.minDuration}
        onChange={(event) => onChange({ ...draft, minDuration: event.target.value })}
      />
    </div>
  )
}
