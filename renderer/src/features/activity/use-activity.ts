import { useEffect, useState } from 'react'
import type { ActivityFilters, ActivityList } from '../../../../shared/activity'
import type { AppError } from '../../../../shared/app-error'
import { ipc } from '../../ipc/client'

/** The screen's filters as typed: days are local calendar days, '' for none. */
export type ActivityDraft = {
  action: '' | NonNullable<ActivityFilters['action']>
  outcome: '' | NonNullable<ActivityFilters['outcome']>
  from: string
  to: string
  text: string
}
export const NO_ACTIVITY_FILTER: ActivityDraft = {
  action: '',
  outcome: '',
  from: '',
  to: '',
  text: '',
}

/** The draft as main's filters: a day range becomes the instants of its local start and end. */
export function activityFilters(draft: ActivityDraft): ActivityFilters {
  return {
    ...(draft.action ? { action: draft.action } : {}),
    ...(draft.outcome ? { outcome: draft.outcome } : {}),
    ...(draft.from ? { from: new Date(`${draft.from}T00:00:00`).toISOString() } : {}),
    ...(draft.to ? { to: new Date(`${draft.to}T23:59:59.999`).toISOString() } : {}),
    ...(draft.text.trim() ? { text: draft.text.trim() } : {}),
  }
}

/** The log as main reads it for the filters; read again when they change. */
export function useActivity(draft: ActivityDraft) {
  const [state, setState] = useState<{
    key: string
    list: ActivityList | null
    error: AppError | null
  }>({ key: '', list: null, error: null })
  const key = JSON.stringify(activityFilters(draft))
  useEffect(() => {
    let current = true
    void ipc.invoke('activity:list', JSON.parse(key) as ActivityFilters).then((result) => {
      if (!current) return
      setState((s) =>
        result.ok
          ? { key, list: result.value, error: null }
          : { key, list: s.list, error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [key])
  return { list: state.list, error: state.error, loading: state.key !== key }
}
