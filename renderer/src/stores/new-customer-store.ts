import { create } from 'zustand'
import type { AppError } from '../../../shared/app-error'
import {
  EMPTY_DRAFT,
  type CreatedCustomer,
  type NewCustomerDraft,
  type NewCustomerField,
} from '../../../shared/new-customer-draft'
import { ipc } from '../ipc/client'

export type CreateStatus =
  | { state: 'editing' }
  | { state: 'sending' }
  | { state: 'checking' }
  /** The reply was lost and the outcome is not known yet: only a check may follow. */
  | { state: 'unknown'; error: AppError }
  | { state: 'failed'; error: AppError }
  | { state: 'created'; created: CreatedCustomer }

type NewCustomerStore = {
  open: boolean
  /** What was typed: kept on every error, and while the user signs in again after a 401. */
  draft: NewCustomerDraft
  touched: ReadonlySet<NewCustomerField>
  /** Field messages from main or Vobiz for the values sent; cleared as a field changes. */
  serverErrors: Partial<Record<NewCustomerField, string>>
  status: CreateStatus
  /** The customer just created, offered a KYC session once its credentials are stored. */
  kycOffer: CreatedCustomer | null
  /** The customer created last, announced once its dialogs are closed ("Created Asha Rao."). */
  lastCreated: CreatedCustomer | null
  show: () => void
  hide: () => void
  edit: (field: NewCustomerField, value: string) => void
  touch: (field: NewCustomerField) => void
  touchAll: () => void
  submit: () => Promise<void>
  checkCreated: () => Promise<void>
  /** The one-time credentials were stored: the form starts empty again; KYC is offered. */
  finish: () => void
  closeKycOffer: () => void
}

const fieldsOf = (error: AppError): Partial<Record<NewCustomerField, string>> =>
  error.kind === 'validation'
    ? Object.fromEntries(Object.entries(error.fields).filter(([field]) => field in EMPTY_DRAFT))
    : {}

export const useNewCustomerStore = create<NewCustomerStore>((set, get) => ({
  open: false,
  draft: EMPTY_DRAFT,
  touched: new Set(),
  serverErrors: {},
  status: { state: 'editing' },
  kycOffer: null,
  lastCreated: null,

  show: () => set({ open: true, kycOffer: null, lastCreated: null }),
  hide: () => {
    // Closing while the outcome is unknown keeps that state, so a retry cannot skip the check.
    const { status } = get()
    set({ open: false, ...(status.state === 'failed' ? { status: { state: 'editing' } } : {}) })
  },
  edit(field, value) {
    const { [field]: _cleared, ...serverErrors } = get().serverErrors
    set({ draft: { ...get().draft, [field]: value }, serverErrors })
  },
  touch: (field) => set({ touched: new Set([...get().touched, field]) }),
  touchAll: () => set({ touched: new Set(Object.keys(EMPTY_DRAFT) as NewCustomerField[]) }),

  async submit() {
    const { status, draft } = get()
    if (status.state === 'sending' || status.state === 'checking' || status.state === 'unknown')
      return
    set({ status: { state: 'sending' } })
    const result = await ipc.invoke('customers:create', draft)
    if (result.ok) return set({ status: { state: 'created', created: result.value } })
    const error = result.error
    set({
      serverErrors: fieldsOf(error),
      status:
        error.kind === 'unknown_outcome' ? { state: 'unknown', error } : { state: 'failed', error },
    })
  },

  async checkCreated() {
    set({ status: { state: 'checking' } })
    const result = await ipc.invoke('customers:checkCreated', { email: get().draft.email })
    if (!result.ok) return set({ status: { state: 'unknown', error: result.error } })
    set({
      status: result.value.created
        ? { state: 'created', created: result.value.created }
        : {
            state: 'failed',
            error: {
              kind: 'offline',
              message:
                'No customer with this email exists: it was not created. You can send it again.',
            },
          },
    })
  },

  finish: () => {
    const { status } = get()
    set({
      open: false,
      kycOffer: status.state === 'created' ? status.created : null,
      lastCreated: status.state === 'created' ? status.created : null,
      draft: EMPTY_DRAFT,
      touched: new Set(),
      serverErrors: {},
      status: { state: 'editing' },
    })
  },
  closeKycOffer: () => set({ kycOffer: null }),
}))
