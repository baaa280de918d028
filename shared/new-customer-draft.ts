import { z } from 'zod'
import { tokenKeepingSchema } from './credentials'

/**
 * The create-customer form's draft and the IPC shapes around it, without the validation (which
 * needs the phone metadata: see new-customer.ts), so the app's first screen does not load it.
 */

export const DEFAULT_ACCOUNT_TYPE = 'standard'

/** What the form holds: every field as text (empty when not given). */
export type NewCustomerField =
  | 'name'
  | 'email'
  | 'password'
  | 'phone'
  | 'country'
  | 'timezone'
  | 'company'
  | 'description'
  | 'address'
  | 'city'
  | 'state'
  | 'zip_code'
  | 'gstin'
  | 'gst_status'
  | 'account_type'
export type NewCustomerDraft = Record<NewCustomerField, string>

export const EMPTY_DRAFT: NewCustomerDraft = {
  name: '',
  email: '',
  password: '',
  phone: '',
  country: '',
  timezone: '',
  company: '',
  description: '',
  address: '',
  city: '',
  state: '',
  zip_code: '',
  gstin: '',
  gst_status: '',
  account_type: DEFAULT_ACCOUNT_TYPE,
}

/** The draft as it crosses IPC: text fields only, each bounded; the schema checks the rest. */
export const newCustomerRequestSchema = z
  .object(
    Object.fromEntries(
      Object.keys(EMPTY_DRAFT).map((key) => [key, z.string().max(600).optional()]),
    ) as Record<NewCustomerField, z.ZodOptional<z.ZodString>>,
  )
  .strict()

export const createdCustomerSchema = z.object({
  authId: z.string().min(1),
  name: z.string(),
  email: z.string(),
  /** True when the reply was lost and the customer was found afterwards by its email. */
  recovered: z.boolean(),
  /** How its Auth Token is kept: encrypted on this computer, or for this session only. */
  keeping: tokenKeepingSchema,
})
export type CreatedCustomer = z.infer<typeof createdCustomerSchema>
