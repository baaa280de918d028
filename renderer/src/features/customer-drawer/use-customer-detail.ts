import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { CustomerDetailReply } from '../../../../shared/customer-detail'
import { ipc } from '../../ipc/client'

export type DetailState =
  | { status: 'loading' }
  | { status: 'done'; reply: CustomerDetailReply }
  | { status: 'failed'; error: AppError }

type Answer = { authId: string } & Exclude<DetailState, { status: 'loading' }>

/** The full record of one customer from main (`customers:detail`); only the latest one counts. */
export function useCustomerDetail(authId: string): DetailState {
  const [answer, setAnswer] = useState<Answer | null>(null)
  useEffect(() => {
    let current = true
    void ipc.invoke('customers:detail', { authId }).then((result) => {
      if (!current) return
      setAnswer(
        result.ok
          ? { authId, status: 'done', reply: result.value }
          : { authId, status: 'failed', error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [authId])
  return answer?.authId === authId ? answer : { status: 'loading' }
}
