import { useMemo, useState } from 'react'
import { filterNumbers } from '../../../../shared/numbers'
import { Disclosure } from '../../components/Disclosure'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedReading } from '../../components/SavedReading'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { describeError } from '../../lib/error-messages'
import { ConsoleNote } from './ConsoleNote'
import { NumbersList } from './NumbersList'
import { useAllNumbers } from './use-numbers'

function Numbers({ authId, name, offline }: { authId: string; name: string; offline: boolean }) {
  const all = useAllNumbers(authId, offline)
  const [text, setText] = useState('')
  const shown = useMemo(
    () => filterNumbers(all.numbers, { text, status: '', capability: '' }, () => ''),
    [all.numbers, text],
  )
  return (
    <div className="customer-numbers" data-testid="customer-numbers">
      {all.error && <ErrorAlert text={describeError(all.error)} />}
      <SavedReading savedAt={all.savedAt} />
      {all.loading && all.total === null && <Spinner />}
      {all.total === 0 && <p className="section-note">{name} holds no numbers.</p>}
      {all.numbers.length > 0 && (
        <>
          {all.numbers.length > 5 && (
            <TextField
              label="Search numbers"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          <NumbersList numbers={shown} label={`Numbers of ${name}`} />
        </>
      )}
      <ConsoleNote />
    </div>
  )
}

/** A customer's phone numbers in the drawer, read when the section is opened. */
export function CustomerNumbers(props: { authId: string; name: string; offline: boolean }) {
  return <Disclosure title="Numbers">{() => <Numbers {...props} />}</Disclosure>
}
