import { useId, type ReactNode, type SelectHTMLAttributes } from 'react'
import { Icon } from './Icon'
import { RequiredMark } from './RequiredMark'

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
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
        {select.required && <RequiredMark />}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field-control">
        <select
          {...select}
          id={id}
          className="input select-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        >
          {children}
        </select>
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </div>
  )
}
