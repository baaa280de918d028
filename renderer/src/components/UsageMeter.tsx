import { formatCount } from '../lib/format'

/**
 * "23 / 1,000" with a bar. The bar is a meter for assistive technology; its fill is set through
 * the CSSOM (allowed by the CSP, unlike style attributes in markup).
 */
export function UsageMeter({
  used,
  max,
  label,
}: {
  used: number | null
  max: number | null
  label: string
}) {
  if (used === null) return <span className="usage-value">—</span>
  const hasMax = max !== null && max > 0
  const ratio = hasMax ? Math.min(1, Math.max(0, used / max)) : 0
  const level = ratio >= 0.95 ? 'is-full' : ratio >= 0.8 ? 'is-high' : ''
  return (
    <span className="usage">
      <span className="usage-value">
        {formatCount(used)}
        {hasMax && <span className="usage-max"> / {formatCount(max)}</span>}
      </span>
      {hasMax && (
        <span
          className={`meter ${level}`}
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={max}
          aria-valuenow={Math.min(used, max)}
          aria-valuetext={`${formatCount(used)} of ${formatCount(max)}`}
        >
          <span className="meter-fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
        </span>
      )}
    </span>
  )
}
