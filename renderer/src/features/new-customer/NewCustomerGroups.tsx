import { useMemo, useState, type ReactNode } from 'react'
import { DEFAULT_ACCOUNT_TYPE, type NewCustomerField } from '../../../../shared/new-customer'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { allTimeZones, countryChoices, countryTimeZones } from './field-choices'

/** A field's value, message and handlers, bound to the new-customer draft. */
export type Bind = (field: NewCustomerField) => {
  name: NewCustomerField
  value: string
  error: string | undefined
  onChange: (event: { target: { value: string } }) => void
  onBlur: () => void
}

export function FormGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-group">
      <legend className="form-group-title">{title}</legend>
      <div className="form-group-fields">{children}</div>
    </fieldset>
  )
}

/** Street to country, and the time zone: the country's own zones first. */
export function AddressGroup({
  country,
  bind,
  countryError,
  onCountry,
  onCountryBlur,
}: {
  country: string
  bind: Bind
  countryError: string | undefined
  onCountry: (country: string) => void
  onCountryBlur: () => void
}) {
  const countryZones = countryTimeZones(country)
  const otherZones = useMemo(
    () => allTimeZones().filter((zone) => !countryZones.includes(zone)),
    [countryZones],
  )
  return (
    <FormGroup title="Address">
      <TextField label="Street address" optional autoComplete="off" {...bind('address')} />
      <TextField label="City" optional autoComplete="off" {...bind('city')} />
      <TextField label="State or region" optional autoComplete="off" {...bind('state')} />
      <TextField label="ZIP or postal code" optional autoComplete="off" {...bind('zip_code')} />
      <SelectField
        label="Country"
        name="country"
        required
        hint="The wallet currency follows it (IN → INR)."
        value={country}
        error={countryError}
        onChange={(event) => onCountry(event.target.value)}
        onBlur={onCountryBlur}
      >
        <option value="">Choose a country</option>
        {countryChoices().map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label} ({choice.value})
          </option>
        ))}
      </SelectField>
      <SelectField label="Time zone" optional {...bind('timezone')}>
        <option value="">Not set</option>
        {countryZones.length > 0 && (
          <optgroup label="In this country">
            {countryZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={countryZones.length > 0 ? 'Elsewhere' : 'All time zones'}>
          {otherZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </optgroup>
      </SelectField>
    </FormGroup>
  )
}

/** The account type: the default plan, or another named as Vobiz names it; and a description. */
export function PlanGroup({
  bind,
  accountType,
  edit,
}: {
  bind: Bind
  accountType: string
  edit: (field: NewCustomerField, value: string) => void
}) {
  const [otherPlan, setOtherPlan] = useState(accountType !== DEFAULT_ACCOUNT_TYPE)
  return (
    <FormGroup title="Plan">
      <SelectField
        label="Account type"
        value={otherPlan ? 'other' : DEFAULT_ACCOUNT_TYPE}
        onChange={(event) => {
          const other = event.target.value === 'other'
          setOtherPlan(other)
          edit('account_type', other ? '' : DEFAULT_ACCOUNT_TYPE)
        }}
      >
        <option value={DEFAULT_ACCOUNT_TYPE}>Standard (default)</option>
        <option value="other">Another plan…</option>
      </SelectField>
      {otherPlan && (
        <TextField
          label="Plan name"
          required
          autoComplete="off"
          hint="As Vobiz names it, in lower case."
          {...bind('account_type')}
        />
      )}
      <TextField
        label="Description"
        optional
        autoComplete="off"
        hint="What the customer uses Vobiz for."
        {...bind('description')}
      />
    </FormGroup>
  )
}
