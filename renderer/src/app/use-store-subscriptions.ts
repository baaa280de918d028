import { useEffect } from 'react'
import { useBalanceStore } from '../stores/balance-store'
import { useClipboardStore } from '../stores/clipboard-store'
import { useCustomersStore } from '../stores/customers-store'
import { useSessionStore } from '../stores/session-store'

/**
 * Every store's start() (its first reads and its subscriptions to main's events), in one place.
 * The session is followed for the app's life; the profile's stores for as long as a profile's
 * home is shown, and afresh for each profile (its rows, settings and balance are its own).
 */
export function useStoreSubscriptions(profileId: string | null): void {
  const startSession = useSessionStore((s) => s.start)
  const startCustomers = useCustomersStore((s) => s.start)
  const startClipboard = useClipboardStore((s) => s.start)
  const startBalance = useBalanceStore((s) => s.start)

  useEffect(() => startSession(), [startSession])

  useEffect(() => {
    if (profileId === null) return
    const stops = [startCustomers(), startClipboard(), startBalance()]
    return () => {
      for (const stop of stops) stop()
    }
  }, [profileId, startCustomers, startClipboard, startBalance])
}
