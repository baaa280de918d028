import { readingAge } from '../lib/format'
import { useNow } from '../lib/use-now'
import { Icon } from './Icon'

/** Says that what is shown is an earlier reading, and how old, while Vobiz is out of reach. */
export function SavedReading({ savedAt }: { savedAt: string | null | undefined }) {
  const now = useNow()
  if (!savedAt) return null
  return (
    <p className="saved-reading" role="status" data-testid="saved-reading">
      <Icon name="wifiOff" /> Vobiz cannot be reached: shown as read {readingAge(savedAt, now)}.
    </p>
  )
}
