import type { BalanceReading } from '../../../../shared/balance'
import { parseMoney } from '../../../../shared/money'

const WIDTH = 96
const HEIGHT = 24
const STEPS = 1000n

/**
 * The session's readings as a small line. Positions are scaled with integers (BigInt) from the
 * exact amounts; only the pixel result is a float.
 */
export function Sparkline({ trend, label }: { trend: readonly BalanceReading[]; label: string }) {
  const units = trend.flatMap((r) => {
    const money = parseMoney(r.balance)
    return money ? [money.units] : []
  })
  const [first] = units
  if (first === undefined || units.length < 2) return null
  let min = first
  let max = first
  for (const u of units) {
    if (u < min) min = u
    if (u > max) max = u
  }
  const range = max - min
  const points = units.map((u, i) => {
    const x = (i / (units.length - 1)) * WIDTH
    const level = range === 0n ? STEPS / 2n : ((u - min) * STEPS) / range
    const y = HEIGHT - 2 - (Number(level) / Number(STEPS)) * (HEIGHT - 4)
    return `${x.toFixed(1)},${y.toFixed(1)}`
  })
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}
