import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/app-error'
import type { RevealedToken } from '../../../shared/credentials'
import type { Result } from '../../../shared/result'

type Revealed = { token: string; hidesAt: number }

/** The token shown for `hideAfterMs`, then masked again and dropped from memory. */
export function useReveal(request: () => Promise<Result<RevealedToken>>) {
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!revealed) return
    const tick = window.setInterval(() => setNow(Date.now()), 1000)
    const hide = window.setTimeout(() => setRevealed(null), revealed.hidesAt - Date.now())
    return () => {
      window.clearInterval(tick)
      window.clearTimeout(hide)
    }
  }, [revealed])

  async function reveal() {
    setBusy(true)
    setError(null)
    const result = await request()
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setNow(Date.now())
    setRevealed({ token: result.value.token, hidesAt: Date.now() + result.value.hideAfterMs })
  }

  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.hidesAt - now) / 1000)) : 0
  return { revealed, busy, error, secondsLeft, reveal, hide: () => setRevealed(null) }
}
