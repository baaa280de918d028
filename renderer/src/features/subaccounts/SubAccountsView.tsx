import { useMemo, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { TokenKeeping } from '../../../../shared/credentials'
import type { SubAccountOwner, SubAccountView } from '../../../../shared/subaccounts'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount } from '../../lib/format'
import { normalise, searchTerms } from '../customers/normalise'
import { NewSubAccountDialog } from './NewSubAccountDialog'
import { SubAccountCredentialsDialog } from './SubAccountCredentialsDialog'
import { SubAccountsEmpty } from './SubAccountsEmpty'
import { SubAccountsTable } from './SubAccountsTable'
import {
  DeleteSubAccountDialog,
  DisableSubAccountDialog,
  RenameSubAccountDialog,
} from './SubAccountDialogs'
import { useSubAccounts } from './use-subaccounts'

type Open =
  | { kind: 'new' }
  | { kind: 'credentials'; sub: SubAccountView; created: TokenKeeping | null }
  | { kind: 'rename' | 'disable' | 'delete'; sub: SubAccountView }

const matches = (sub: SubAccountView, terms: string[]) => {
  const fields = [sub.name, sub.email, sub.authId, sub.description, sub.phone].map((f) =>
    normalise(f ?? ''),
  )
  return terms.every((term) => fields.some((field) => field.includes(term)))
}

/**
 * The sub-accounts of one account (the partner's main account, or a customer's through its own
 * credentials): search, create, rename, enable or disable, delete, and their credentials.
 */
export function SubAccountsView({
  owner,
  ownerLabel,
  offline,
  compact = false,
}: {
  owner: SubAccountOwner
  ownerLabel: string
  offline: boolean
  /** In the drawer: the auth id under the name, no dates. */
  compact?: boolean
}) {
  const { list, loading, error, reload, patch } = useSubAccounts(owner)
  const [query, setQuery] = useState('')
  const [open, setOpenState] = useState<Open | null>(null)
  // A closed dialog gives focus back to what opened it (a row's Actions button), if still there.
  const opener = useRef<HTMLElement | null>(null)
  const setOpen = (next: Open | null) => {
    if (next && !open) opener.current = document.activeElement as HTMLElement | null
    setOpenState(next)
    if (!next) requestAnimationFrame(() => opener.current?.isConnected && opener.current.focus())
  }
  const [rowError, setRowError] = useState<AppError | null>(null)
  const subs = list?.subAccounts
  const shown = useMemo(() => {
    const terms = searchTerms(query)
    return (subs ?? []).filter((sub) => terms.length === 0 || matches(sub, terms))
  }, [subs, query])
  const stale = list?.source === 'saved'
  // With none yet, the empty state explains and offers the one action instead of the toolbar's.
  const none = subs?.length === 0
  const blocked = offline || stale ? 'Changes need a connection to Vobiz.' : null

  const replace = (updated: SubAccountView) =>
    patch((all) => all.map((s) => (s.authId === updated.authId ? updated : s)))

  const updatedAndClosed = (updated: SubAccountView) => {
    replace(updated)
    setOpen(null)
  }

  async function enable(sub: SubAccountView) {
    setRowError(null)
    const result = await ipc.invoke('subaccounts:update', {
      owner,
      authId: sub.authId,
      patch: { enabled: true },
    })
    if (result.ok) replace(result.value)
    else setRowError(result.error)
  }

  return (
    <div className="subaccounts" data-testid="subaccounts">
      <div className="subaccounts-toolbar">
        {!none && (
          <label className="subaccounts-search">
            <span className="visually-hidden">Search sub-accounts</span>
            <Icon name="search" />
            <input
              type="search"
              className="input"
              placeholder="Search sub-accounts"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
        )}
        <span className="subaccounts-count" aria-live="polite">
          {subs && !none
            ? `${formatCount(shown.length)} of ${formatCount(subs.length)} sub-accounts`
            : ''}
        </span>
        <button
          type="button"
          className="button button-ghost button-small"
          aria-disabled={loading || undefined}
          onClick={() => !loading && reload()}
        >
          {loading ? <Spinner /> : <Icon name="refresh" />}
          Refresh<span className="visually-hidden"> sub-accounts</span>
        </button>
        {!none && (
          <button
            type="button"
            className={`button button-primary button-small${blocked ? ' is-unavailable' : ''}`}
            aria-disabled={blocked ? true : undefined}
            title={blocked ?? undefined}
            onClick={() => !blocked && setOpen({ kind: 'new' })}
          >
            <Icon name="plus" />
            New sub-account
          </button>
        )}
      </div>

      {stale && list?.fetchedAt && (
        <p className="banner banner-warning" role="status" data-testid="subaccounts-stale">
          <Icon name="wifiOff" className="banner-icon" />
          <span className="banner-text">
            Offline — showing the sub-accounts saved {absoluteTime(list.fetchedAt)}. Changes need a
            connection.
          </span>
        </p>
      )}
      {error && !stale && <ErrorAlert text={describeError(error)} />}
      {rowError && (
        <ErrorAlert text={describeError(rowError)} onDismiss={() => setRowError(null)} />
      )}

      {none && (
        <SubAccountsEmpty
          ownerLabel={ownerLabel}
          blocked={blocked}
          onCreate={() => setOpen({ kind: 'new' })}
        />
      )}
      {subs && subs.length > 0 && shown.length === 0 && (
        <p className="ledger-empty">No sub-account matches “{query}”.</p>
      )}
      {!subs && loading && (
        <p className="ledger-empty" role="status">
          <Spinner /> Reading sub-accounts…
        </p>
      )}

      {shown.length > 0 && (
        <SubAccountsTable
          subs={shown}
          ownerLabel={ownerLabel}
          compact={compact}
          blocked={blocked}
          onAction={(sub, action) => {
            if (action === 'enable') void enable(sub)
            else if (action === 'credentials') setOpen({ kind: 'credentials', sub, created: null })
            else setOpen({ kind: action, sub })
          }}
        />
      )}

      {open?.kind === 'new' && (
        <NewSubAccountDialog
          owner={owner}
          ownerLabel={ownerLabel}
          onClose={() => setOpen(null)}
          onCreated={(sub, keeping) => {
            patch((all) => [...all.filter((s) => s.authId !== sub.authId), sub])
            setOpen({ kind: 'credentials', sub, created: keeping })
          }}
        />
      )}
      {open?.kind === 'credentials' && (
        <SubAccountCredentialsDialog
          owner={owner}
          sub={open.sub}
          created={open.created}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'rename' && (
        <RenameSubAccountDialog
          owner={owner}
          sub={open.sub}
          onClose={() => setOpen(null)}
          onDone={updatedAndClosed}
        />
      )}
      {open?.kind === 'disable' && (
        <DisableSubAccountDialog
          owner={owner}
          sub={open.sub}
          onClose={() => setOpen(null)}
          onDone={updatedAndClosed}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteSubAccountDialog
          owner={owner}
          sub={open.sub}
          onClose={() => {
            setOpen(null)
            // A failed delete may mean it was gone already: the list is read again.
            reload()
          }}
          onDone={() => {
            patch((all) => all.filter((s) => s.authId !== open.sub.authId))
            setOpen(null)
          }}
        />
      )}
    </div>
  )
}
