import type { ReactNode, SelectHTMLAttributes } from 'react'
import { FieldFrame } from './FieldFrame'

type SelectFieldProps = {
  label: string
  hint?: ReactNode
  error?: string | undefined
  optional?: boolean
  children: ReactNode
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

/** A labelled <select> with its hint and field message, as TextField does for inputs. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      required={select.required}
    >
      {({ id, describedBy }) => (
        <select
          {...select}
          id={id}
          className="input select-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  )
}
