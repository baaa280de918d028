import { absoluteTime, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'

/** "Updated 3 minutes ago", with the exact time on hover and for assistive technology. */
export function UpdatedAt({ iso }: { iso: string }) {
  const now = useNow()
  const relative = readingAge(iso, now)
  if (!relative) return null
  return (
    <span className="updated-at">
      Updated{' '}
      <time dateTime={iso} title={absoluteTime(iso)}>
        {relative}
      </time>
    </span>
  )
}
