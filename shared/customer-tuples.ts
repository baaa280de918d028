import { z } from 'zod'
import { customerRowSchema, customersSnapshotSchema, type CustomerRow } from './customers'

/**
 * A customer row as an array of its fields in this order: how the cache file stores rows and
 * how `customers:get` carries them. Without a key per field a list is about 40% smaller (12.8 →
 * 7.7 MB of JSON at 50,000 sandbox customers), so it is quicker to write, send and parse.
 */
export const CUSTOMER_FIELDS = [
  'authId',
  'name',
  'company',
  'email',
  'phone',
  'balance',
  'currency',
  'kycStatus',
  'enabled',
  'active',
  'createdAt',
] as const satisfies readonly (keyof CustomerRow)[]

type Tuple<T extends readonly (keyof CustomerRow)[]> = {
  -readonly [I in keyof T]: T[I] extends keyof CustomerRow ? CustomerRow[T[I]] : never
}
export type CustomerTuple = Tuple<typeof CUSTOMER_FIELDS>

const field = customerRowSchema.shape

/** customerRowSchema's own field schemas, in CUSTOMER_FIELDS order. */
export const customerTupleSchema = z.tuple([
  field.authId,
  field.name,
  field.company,
  field.email,
  field.phone,
  field.balance,
  field.currency,
  field.kycStatus,
  field.enabled,
  field.active,
  field.createdAt,
])

/**
 * Rows of the saved list as `customers:get` and `customers:firstPage` carry them (each row a
 * tuple), with the size of the whole list and its revision (a new one whenever it changes).
 */
export const customersReplySchema = customersSnapshotSchema.extend({
  rows: z.array(customerTupleSchema),
  total: z.number().int().nonnegative(),
  revision: z.string().min(1),
})

/** The most rows a first page holds: enough for the tallest window. */
export const FIRST_PAGE_ROWS = 200
/** The most rows one `customers:get` carries. */
export const PAGE_ROWS_MAX = 50_000
export type CustomersReply = z.infer<typeof customersReplySchema>

export const toTuple = (r: CustomerRow): CustomerTuple => [
  r.authId,
  r.name,
  r.company,
  r.email,
  r.phone,
  r.balance,
  r.currency,
  r.kycStatus,
  r.enabled,
  r.active,
  r.createdAt,
]

// Spelled out (not built from CUSTOMER_FIELDS) because this runs for every row at start-up.
export const fromTuple = (v: CustomerTuple): CustomerRow => ({
  authId: v[0],
  name: v[1],
  company: v[2],
  email: v[3],
  phone: v[4],
  balance: v[5],
  currency: v[6],
  kycStatus: v[7],
  enabled: v[8],
  active: v[9],
  createdAt: v[10],
})

const isNullableString = (value: unknown) => value === null || typeof value === 'string'
const isNullableBoolean = (value: unknown) => value === null || typeof value === 'boolean'

/**
 * customerTupleSchema's rules, written out: zod takes about a microsecond a row (more while the
 * JIT is cold, at start-up), too long for 100,000 rows. A unit test holds the two to the same
 * answers.
 */
export function isCustomerTuple(value: unknown): value is CustomerTuple {
  if (!Array.isArray(value) || value.length !== CUSTOMER_FIELDS.length) return false
  const v = value as unknown[]
  return (
    typeof v[0] === 'string' &&
    v[0].length > 0 &&
    typeof v[1] === 'string' &&
    isNullableString(v[2]) &&
    isNullableString(v[3]) &&
    isNullableString(v[4]) &&
    isNullableString(v[5]) &&
    isNullableString(v[6]) &&
    isNullableString(v[7]) &&
    isNullableBoolean(v[8]) &&
    isNullableBoolean(v[9]) &&
    isNullableString(v[10])
  )
}
