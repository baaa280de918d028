import { useCallback, useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type {
  SubAccountListView,
  SubAccountOwner,
  SubAccountView,
} from '../../../../shared/subaccounts'
import { ipc } from '../../ipc/client'

export type SubAccountsState = {
  list: SubAccountListView | null
  loading: boolean
  error: AppError | null
}

/** An owner's sub-accounts: read when shown, again on `reload`, patched after each action. */
export function useSubAccounts(owner: SubAccountOwner) {
  const ownerKey = owner.kind === 'partner' ? 'partner' : owner.authId
  const [state, setState] = useState<SubAccountsState>({ list: null, loading: true, error: null })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    const request: SubAccountOwner =
      ownerKey === 'partner' ? { kind: 'partner' } : { kind: 'customer', authId: ownerKey }
    void ipc.invoke('subaccounts:list', { owner: request }).then((result) => {
      if (!current) return
      setState((before) =>
        result.ok
          ? { list: result.value, loading: false, error: null }
          : { list: before.list, loading: false, error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [ownerKey, generation])

  const reload = useCallback(() => {
    setState((before) => ({ ...before, loading: true }))
    setGeneration((n) => n + 1)
  }, [])

  /** Shows an action's outcome at once (the next read confirms it). */
  const patch = useCallback((change: (list: SubAccountView[]) => SubAccountView[]) => {
    setState((before) =>
      before.list
        ? { ...before, list: { ...before.list, subAccounts: change(before.list.subAccounts) } }
        : before,
    )
  }, [])

  return { ...state, reload, patch }
}
