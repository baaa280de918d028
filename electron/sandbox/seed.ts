import type { DriftingBalance } from './drift'
import {
  INTERNATIONAL_TIER,
  PARTNER_AUTH_ID,
  SEED_EPOCH_MS,
  STANDARD_TIER,
  VOLUME_TIER,
  currencyForCountry,
  type CustomerDetails,
  type PartnerRecord,
  type SeededCustomer,
} from './model'
import { ALNUM, UPPER_ALNUM, createPrng, subSeed, type Prng } from './prng'
import {
  COMPANY_KINDS,
  COMPANY_WORDS,
  DESCRIPTIONS,
  INDIAN_FIRST_NAMES,
  INDIAN_LAST_NAMES,
  INTERNATIONAL_COMPANIES,
  INTERNATIONAL_NAMES,
  MAIL_DOMAINS,
} from './seed-data'
import { GST_STATE_BY_CODE, SEED_COUNTRIES, type CountryFacts } from './seed-countries'

export const MAX_CUSTOMERS = 100_000
export const DEFAULT_SEED = 1
const DAY_MS = 86_400_000
/** Seeded customers were created over the three years before the epoch. */
const HISTORY_MS = 3 * 365 * DAY_MS
const FIRST_CUSTOMER_ID = 500_001
/** Every name list is shorter than this (emails are counted per name pair in a flat array). */
const NAME_SLOTS = 64

export type SeededData = {
  partner: PartnerRecord
  customers: SeededCustomer[]
  /** auth_id → index in `customers`. */
  indexByAuthId: Map<string, number>
}

/** `MA_` and 8 upper-case letters or digits, not yet in `taken`. */
export function uniqueAuthId(prng: Prng, taken: { has(authId: string): boolean }): string {
  for (;;) {
    const authId = `MA_${prng.chars(UPPER_ALNUM, 8)}`
    if (!taken.has(authId)) return authId
  }
}

export const customerToken = (prng: Prng): string => prng.chars(ALNUM, 40)

const COUNTRY_BY_CODE = new Map(SEED_COUNTRIES.map((c) => [c.code, c]))

/**
 * The seeded partner and `count` customers, identical for the same seed and count, in creation
 * order (created_at ascending). Only what search and lookup need is generated here; the rest of
 * each customer comes from `seededDetails`, on first use, from the customer's own PRNG stream.
 */
export function generateData(seed: number, count: number, originMs: number): SeededData {
  if (!Number.isInteger(count) || count < 0 || count > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be an integer from 0 to ${MAX_CUSTOMERS}`)
  }
  const prng = createPrng(seed)
  const partner = generatePartner(prng, count, originMs)
  const indexByAuthId = new Map<string, number>()
  // How often each (list, first name, last name, domain) was used: numbered emails after the first.
  const emailCounts = new Uint32Array(2 * NAME_SLOTS * NAME_SLOTS * MAIL_DOMAINS.length)
  const totalWeight = SEED_COUNTRIES.reduce((sum, c) => sum + c.weight, 0)
  const start = SEED_EPOCH_MS - HISTORY_MS
  const step = count > 0 ? (HISTORY_MS - DAY_MS) / count : 0
  const customers = new Array<SeededCustomer>(count)
  const slugs = new Map<string, string>()
  const slug = (part: string): string => {
    let known = slugs.get(part)
    if (known === undefined) slugs.set(part, (known = asciiSlug(part)))
    return known
  }

  for (let i = 0; i < count; i++) {
    const country = pickCountry(prng, totalWeight)
    const international = country.code !== 'IN' || prng.chance(0.04)
    const firstIndex = prng.int(
      0,
      (international ? INTERNATIONAL_NAMES : INDIAN_FIRST_NAMES).length - 1,
    )
    const lastIndex = prng.int(
      0,
      (international ? INTERNATIONAL_NAMES : INDIAN_LAST_NAMES).length - 1,
    )
    const first =
      (international ? INTERNATIONAL_NAMES[firstIndex]?.[0] : INDIAN_FIRST_NAMES[firstIndex]) ?? ''
    const last =
      (international ? INTERNATIONAL_NAMES[lastIndex]?.[1] : INDIAN_LAST_NAMES[lastIndex]) ?? ''
    const name = `${first} ${last}`
    const domainIndex = prng.int(0, MAIL_DOMAINS.length - 1)
    const key =
      ((Number(international) * NAME_SLOTS + firstIndex) * NAME_SLOTS + lastIndex) *
        MAIL_DOMAINS.length +
      domainIndex
    const seen = (emailCounts[key] = (emailCounts[key] ?? 0) + 1)
    const email = `${slug(first)}.${slug(last)}${seen > 1 ? seen : ''}@${MAIL_DOMAINS[domainIndex]}`
    const authId = uniqueAuthId(prng, indexByAuthId)
    indexByAuthId.set(authId, i)
    customers[i] = {
      id: String(FIRST_CUSTOMER_ID + i),
      authId,
      name,
      email,
      nameLower: name.toLowerCase(),
      emailLower: email,
      country: country.code,
      createdAtMs: Math.floor(start + (i + prng.next()) * step),
      detailSeed: subSeed(seed, i),
      lastName: last,
      international,
    }
  }
  return { partner, customers, indexByAuthId }
}

/** The rest of a seeded customer, always the same for the same customer and seed. */
export function seededDetails(customer: SeededCustomer, originMs: number): CustomerDetails {
  const prng = createPrng(customer.detailSeed)
  const country = COUNTRY_BY_CODE.get(customer.country) ?? prng.pick(SEED_COUNTRIES)
  const { createdAtMs } = customer
  const sinceCreated = Math.max(0, SEED_EPOCH_MS - createdAtMs)
  const withAddress = prng.chance(0.75)
  const place = prng.int(0, country.places.length - 1)
  const [city, state, zip] = country.places[place] ?? [null, null, null]
  const kycRoll = prng.next()
  const gstin = country.code === 'IN' && prng.chance(0.4) ? gstinFor(prng, state ?? 'KA') : null
  const tierId =
    country.code !== 'IN'
      ? INTERNATIONAL_TIER.id
      : prng.chance(0.75)
        ? STANDARD_TIER.id
        : VOLUME_TIER.id
  return {
    authToken: customerToken(prng),
    apiId: prng.uuid(),
    phone: phoneFor(prng, country),
    description: prng.chance(0.4) ? prng.pick(DESCRIPTIONS) : null,
    company: companyFor(prng, customer.international, customer.lastName),
    address: withAddress ? (country.streets[place % country.streets.length] ?? null) : null,
    city: withAddress ? city : null,
    state: withAddress ? state : null,
    zipCode: withAddress ? zip : null,
    currency: currencyForCountry(country.code),
    timezone: prng.chance(0.9) ? country.timezone : null,
    gstin,
    gstStatus: gstin === null ? null : prng.chance(0.85) ? 'active' : 'inactive',
    accountType: 'standard',
    kycStatus: kycRoll < 0.55 ? 'verified' : kycRoll < 0.9 ? 'pending' : 'rejected',
    enabled: !prng.chance(0.05),
    isTrial: prng.chance(0.03),
    cpsLimit: prng.int(1, 5),
    concurrentCallsLimit: prng.int(2, 20),
    pricingTierId: tierId,
    updatedAtMs: createdAtMs + Math.floor(prng.next() * sinceCreated),
    lastLoginMs: prng.chance(0.8) ? createdAtMs + Math.floor(prng.next() * sinceCreated) : null,
    balance: seededBalance(prng, originMs),
  }
}

function generatePartner(prng: Prng, count: number, originMs: number): PartnerRecord {
  return {
    id: prng.uuid(),
    account_id: 500_000,
    name: 'Meera Krishnan',
    slug: 'sandbox-telecom',
    company: 'Sandbox Telecom Pvt Ltd',
    auth_id: PARTNER_AUTH_ID,
    email: 'partner@sandbox-telecom.example',
    phone: '+919800012345',
    billing_model: 'direct',
    is_active: true,
    is_verified: true,
    max_accounts: Math.max(1000, count + 1000),
    can_create_accounts: true,
    can_create_pricing_tiers: true,
    can_view_cdrs: true,
    can_transfer_balance: true,
    default_pricing_tier_id: STANDARD_TIER.id,
    currency: 'INR',
    createdAtMs: SEED_EPOCH_MS - 400 * DAY_MS + 67_154_529, // …T18:39:14.529
    updatedAtMs: SEED_EPOCH_MS - 2 * DAY_MS + 48_666_283, // …T13:31:06.283
    balance: {
      baseUnits: BigInt(prng.int(20_000_000, 90_000_000)) * 1000n,
      ratePerSecond: -BigInt(prng.int(50, 500)),
      sinceMs: originMs,
      floorUnits: 0n,
    },
  }
}

function pickCountry(prng: Prng, totalWeight: number): CountryFacts {
  let roll = prng.next() * totalWeight
  for (const country of SEED_COUNTRIES) {
    roll -= country.weight
    if (roll < 0) return country
  }
  return prng.pick(SEED_COUNTRIES) // not reached: the weights add up
}

/** Most customers spend slowly (calls), some are idle; a few have nothing or very little. */
function seededBalance(prng: Prng, originMs: number): DriftingBalance {
  const roll = prng.next()
  const baseUnits =
    roll < 0.06
      ? 0n
      : roll < 0.12
        ? BigInt(prng.int(1, 5_000_000)) // up to 50.00000
        : BigInt(prng.int(10_000_000, 5_000_000_000)) // 100 … 50,000
  const spending = baseUnits > 0n && prng.chance(0.7)
  return {
    baseUnits,
    ratePerSecond: spending ? -BigInt(prng.int(1, 1500)) : 0n,
    sinceMs: originMs,
    floorUnits: 0n,
  }
}

function phoneFor(prng: Prng, country: CountryFacts): string | null {
  if (prng.chance(0.03)) return null
  const [prefix, first, rest] = country.phone
  return `${prefix}${prng.chars(first, 1)}${prng.chars('0123456789', rest)}`
}

function companyFor(prng: Prng, international: boolean, lastName: string): string {
  if (international && prng.chance(0.5)) return prng.pick(INTERNATIONAL_COMPANIES)
  const word = prng.chance(0.3) ? lastName : prng.pick(COMPANY_WORDS)
  return `${word} ${prng.pick(COMPANY_KINDS)}`
}

function gstinFor(prng: Prng, state: string): string {
  const stateCode = GST_STATE_BY_CODE[state] ?? '29'
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  const pan = `${prng.chars(letters, 5)}${prng.chars('0123456789', 4)}${prng.chars(letters, 1)}`
  return `${stateCode}${pan}${prng.chars('123456789', 1)}Z${prng.chars(UPPER_ALNUM, 1)}`
}

const FOLD: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae' }

/** "Søren" → "soren", "O'Brien" → "obrien", "Văn An" → "vanan". */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øłđßæ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')
}
