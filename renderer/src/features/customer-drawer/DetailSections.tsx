import { useId, type ReactNode } from 'react'
import { create } from 'zustand'
import type { CustomerDetail } from '../../../../shared/customer-detail'
import { PhoneText } from '../../components/PhoneText'
import { absoluteTime, formatBalance, formatCount, relativeTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'

type Field = { label: string; value: ReactNode }

const MISSING = '—'

/** "Show all fields", remembered while the app runs (every drawer opens the same way). */
const useShowAllFields = create<{ showAll: boolean; toggle: () => void }>((set) => ({
  showAll: false,
  toggle: () => set((s) => ({ showAll: !s.showAll })),
}))

const text = (value: string | null): ReactNode => (value?.trim() ? value : null)
const yesNo = (value: boolean | null): ReactNode => (value === null ? null : value ? 'Yes' : 'No')
const count = (value: number | null): ReactNode => (value === null ? null : formatCount(value))
const titleCase = (value: string | null): ReactNode =>
  value?.trim() ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : null

let countryNames: Intl.DisplayNames | null = null
function country(code: string | null): ReactNode {
  if (!code?.trim()) return null
  try {
    countryNames ??= new Intl.DisplayNames(['en'], { type: 'region' })
    const name = countryNames.of(code.toUpperCase())
    return name && name !== code ? `${name} (${code})` : code
  } catch {
    return code
  }
}

function Timestamp({ iso, now }: { iso: string; now: number }) {
  const absolute = absoluteTime(iso)
  if (!absolute) return iso
  return (
    <time dateTime={iso}>
      {absolute} <span className="detail-relative">({relativeTime(iso, now)})</span>
    </time>
  )
}

function Group({ title, fields }: { title: string; fields: Field[] }) {
  const id = useId()
  if (fields.length === 0) return null
  return (
    <section className="detail-group" aria-labelledby={id}>
      <h3 id={id} className="detail-group-title">
        {title}
      </h3>
      <dl className="detail-list">
        {fields.map((field) => (
          <div key={field.label} className="detail-item">
            <dt>{field.label}</dt>
            <dd className={field.value === null ? 'is-missing' : undefined}>
              {field.value ?? MISSING}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/**
 * The fields of the account, grouped as partner staff look for them. Fields the API gave no
 * value for are hidden unless "Show all fields" is on (then they show "—"). The balance is not
 * here: the drawer's balance section is its one source.
 */
export function DetailSections({ detail }: { detail: CustomerDetail }) {
  const { showAll, toggle } = useShowAllFields()
  const groups = fieldGroups(detail, useNow())
  const empty = groups.reduce(
    (sum, group) => sum + group.fields.filter((field) => field.value === null).length,
    0,
  )
  return (
    <div className="detail-sections">
      <div className="detail-sections-bar">
        <span className="detail-sections-note" data-testid="detail-empty-note">
          {empty === 0
            ? 'Every field has a value.'
            : showAll
              ? `${formatCount(empty)} empty ${empty === 1 ? 'field shows' : 'fields show'} “—”.`
              : `${formatCount(empty)} empty ${empty === 1 ? 'field' : 'fields'} hidden.`}
        </span>
        {empty > 0 && (
          <button
            type="button"
            className="button button-ghost button-small"
            aria-pressed={showAll}
            onClick={toggle}
          >
            Show all fields
          </button>
        )}
      </div>
      {groups.map((group) => (
        <Group
          key={group.title}
          title={group.title}
          fields={showAll ? group.fields : group.fields.filter((field) => field.value !== null)}
        />
      ))}
    </div>
  )
}

function fieldGroups(d: CustomerDetail, now: number): { title: string; fields: Field[] }[] {
  const tier = d.pricingTier
  return [
    {
      title: 'Identity',
      fields: [
        { label: 'Name', value: text(d.name) },
        { label: 'Company', value: text(d.company) },
        { label: 'Email', value: text(d.email) },
        { label: 'Phone', value: d.phone?.trim() ? <PhoneText raw={d.phone.trim()} /> : null },
        { label: 'Auth ID', value: <code>{d.authId}</code> },
        { label: 'API ID', value: d.apiId ? <code>{d.apiId}</code> : null },
        { label: 'ID', value: d.id ? <code>{d.id}</code> : null },
        { label: 'Description', value: text(d.description) },
      ],
    },
    {
      title: 'Status',
      fields: [
        { label: 'Enabled', value: yesNo(d.enabled) },
        { label: 'Active', value: yesNo(d.active) },
        { label: 'Verified', value: yesNo(d.verified) },
        { label: 'KYC status', value: titleCase(d.kycStatus) },
        { label: 'Trial account', value: yesNo(d.trial) },
        { label: 'Role', value: titleCase(d.role) },
        { label: 'Account type', value: titleCase(d.accountType) },
        { label: 'Business type', value: titleCase(d.businessType) },
      ],
    },
    {
      title: 'Billing',
      fields: [
        {
          label: 'Billing mode',
          value:
            titleCase(d.billingMode) ??
            (d.postpaid === null ? null : d.postpaid ? 'Postpaid' : 'Prepaid'),
        },
        { label: 'Postpaid', value: yesNo(d.postpaid) },
        { label: 'Auto recharge', value: yesNo(d.autoRecharge) },
        {
          // A postpaid account's allowance, not its balance (the balance is at the top).
          label: 'Postpaid credit limit',
          value: d.creditLimit === null ? null : formatBalance(d.creditLimit, d.currency),
        },
      ],
    },
    {
      title: 'Limits',
      fields: [
        { label: 'Calls per second', value: count(d.cpsLimit) },
        { label: 'Concurrent calls', value: count(d.concurrentCallsLimit) },
        { label: 'Base calls per second', value: count(d.baseCpsLimit) },
        { label: 'Base concurrent calls', value: count(d.baseConcurrentCallsLimit) },
        { label: 'Purchased calls per second', value: count(d.purchasedCps) },
        { label: 'Purchased concurrent calls', value: count(d.purchasedConcurrentCalls) },
      ],
    },
    {
      title: 'Pricing tier',
      fields: tier
        ? [
            { label: 'Name', value: text(tier.name) },
            { label: 'Currency', value: text(tier.currency) },
            ...tier.rates.map((rate) => ({
              label: rate.label,
              // Rates are shown as the API gave them: they are prices, not balances.
              value: rate.value === null ? null : String(rate.value),
            })),
            {
              label: 'Charges non-connected calls',
              value: yesNo(tier.chargeNonConnectedCalls),
            },
            { label: 'Tier active', value: yesNo(tier.isActive) },
            { label: 'Default tier', value: yesNo(tier.isDefault) },
          ]
        : [{ label: 'Name', value: null }],
    },
    {
      title: 'Location and time zone',
      fields: [
        { label: 'Address', value: text(d.address) },
        { label: 'City', value: text(d.city) },
        { label: 'State', value: text(d.state) },
        { label: 'ZIP code', value: text(d.zipCode) },
        { label: 'Country', value: country(d.country) },
        { label: 'Time zone', value: text(d.timezone) },
      ],
    },
    {
      title: 'Tax',
      fields: [
        { label: 'GSTIN', value: d.gstin ? <code>{d.gstin}</code> : null },
        { label: 'GST status', value: titleCase(d.gstStatus) },
        { label: 'TDS', value: yesNo(d.tdsEnabled) },
        {
          label: 'TDS percentage',
          value: d.tdsPercentage === null ? null : `${d.tdsPercentage}%`,
        },
      ],
    },
    {
      title: 'Timestamps',
      fields: [
        {
          label: 'Created',
          value: d.createdAt ? <Timestamp iso={d.createdAt} now={now} /> : null,
        },
        {
          label: 'Updated',
          value: d.updatedAt ? <Timestamp iso={d.updatedAt} now={now} /> : null,
        },
        {
          label: 'Last login',
          value: d.lastLogin ? <Timestamp iso={d.lastLogin} now={now} /> : null,
        },
      ],
    },
  ]
}
