import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { CUSTOMER_BALANCE_REFRESH_MS, type CustomerBalanceView } from '../../../../shared/balance'
import { isBelowThreshold } from '../../../../shared/low-balance'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatBalance, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useNavigationStore } from '../../stores/navigation-store'
import { useTransfersStore } from '../../stores/transfers-store'
import { TopUpButton } from '../top-up/TopUpButton'
import { TopUpDialog } from '../top-up/TopUpDialog'
import { topUpBlockedReason, usePartnerFunds } from '../top-up/use-partner-funds'
import { BalanceChange } from './BalanceChange'
import { useLowBalanceRule } from './use-low-balance-rule'

type Readings = {
  authId: string
  current: CustomerBalanceView
  previous: CustomerBalanceView | null
}

/**
 * A transfer's reply carries the customer's new balance: it is the current reading until a
 * later read from Vobiz replaces it.
 */
function withTransfer(
  mine: Readings | null,
  last: ReturnType<typeof useTransfersStore.getState>['last'],
  authId: string,
): Readings | null {
  const result = last?.result
  if (!last || result?.authId !== authId || result.customerBalanceAfter === null) return mine
  if (mine && mine.current.fetchedAt >= last.at) return mine
  return {
    authId,
    current: {
      authId,
      balance: result.customerBalanceAfter,
      currency: result.currency,
      updatedAt: null,
      fetchedAt: last.at,
    },
    previous: mine?.current ?? null,
  }
}

/**
 * A customer's live balance in the drawer: read from Vobiz when the drawer opens and every 10 s
 * while it stays open and the window is visible (main sends one request per customer at a time).
 * Offline, the saved list's balance shows, marked stale.
 */
export function CustomerBalance({
  authId,
  name,
  saved,
  currency,
  offline,
}: {
  authId: string
  name: string
  /** The balance the saved list has, shown until Vobiz answers (and offline). */
  saved: string | null
  currency: string | null
  offline: boolean
}) {
  const [readings, setReadings] = useState<Readings | null>(null)
  const [error, setError] = useState<{ authId: string; error: AppError } | null>(null)
  const [toppingUp, setToppingUp] = useState(false)
  const now = useNow(5_000)
  const lastTransfer = useTransfersStore((s) => s.last)
  const lowBalance = useLowBalanceRule()

  useEffect(() => {
    if (offline) return
    let current = true
    const read = async () => {
      if (document.visibilityState !== 'visible') return
      const result = await ipc.invoke('balance:customer', { authId })
      if (!current) return
      if (!result.ok) return setError({ authId, error: result.error })
      setError(null)
      setReadings((before) => ({
        authId,
        current: result.value,
        previous: before?.authId === authId ? before.current : null,
      }))
    }
    void read()
    const timer = window.setInterval(() => void read(), CUSTOMER_BALANCE_REFRESH_MS)
    return () => {
      current = false
      window.clearInterval(timer)
    }
  }, [authId, offline])

  const mine = withTransfer(readings?.authId === authId ? readings : null, lastTransfer, authId)
  const balance = mine?.current.balance ?? saved
  const shownCurrency = mine?.current.currency ?? currency
  // The wallet's currency as Vobiz reads it (the saved list has the pricing tier's).
  const walletCurrency = mine?.current.currency ?? null
  const blocked = topUpBlockedReason(usePartnerFunds(), offline, walletCurrency)
  const low = isBelowThreshold(balance, shownCurrency, lowBalance)
  const failed = error?.authId === authId ? error.error : null
  // "Top up" from the command palette: the dialog opens once a top-up is possible.
  const pendingTopUp = useNavigationStore((s) => s.pendingTopUp === authId)
  if (pendingTopUp && !blocked && !toppingUp) setToppingUp(true)
  useEffect(() => {
    if (pendingTopUp && toppingUp) useNavigationStore.getState().setPendingTopUp(null)
  }, [pendingTopUp, toppingUp])
  return (
    <section className="customer-balance" aria-label="Balance" data-testid="customer-balance">
      <p className="customer-balance-amount">
        <span className="customer-balance-label">Balance</span>
        <span className="money" data-testid="customer-balance-amount">
          {formatBalance(balance, shownCurrency)}
        </span>
        {low &&
          (blocked ? (
            <span className="badge badge-warning">Low balance</span>
          ) : (
            <button
              type="button"
              className="badge badge-warning badge-action"
              onClick={() => setToppingUp(true)}
            >
              Low balance · Top up
            </button>
          ))}
        {(offline || !mine) && balance !== null && (
          <span className="badge badge-neutral">{offline ? 'Stale' : 'Saved'}</span>
        )}
      </p>
      {/* Separate phrases, each its own sentence: the change (when known), then the reading's age. */}
      <p className="customer-balance-meta" aria-live="polite">
        {mine && (
          <>
            <BalanceChange
              current={mine.current.balance}
              previous={mine.previous?.balance}
              currency={shownCurrency}
            />
            <span>Read {readingAge(mine.current.fetchedAt, now)}. Refreshed every 10 s.</span>
          </>
        )}
        {offline && <span>Offline — the balance of the last sync.</span>}
        {failed && !offline && <span className="is-warning">{describeError(failed).title}</span>}
      </p>
      <TopUpButton reason={blocked} onOpen={() => setToppingUp(true)} />
      {toppingUp && (
        <TopUpDialog
          customer={{ authId, name, balance, balanceRead: mine !== null }}
          onClose={() => setToppingUp(false)}
        />
      )}
    </section>
  )
}
