import { useId, type ReactNode } from 'react'
import { Icon } from './Icon'
import { RequiredMark } from './RequiredMark'

export type FieldFrameProps = {
  label: string
  hint?: ReactNode
  error?: string | undefined
  optional?: boolean
  required?: boolean
  className?: string | undefined
  /** The control, given the ids it must carry. */
  children: (control: { id: string; describedBy: string | undefined }) => ReactNode
}

/** A form control's label, hint and field message, linked to it for assistive technology. */
export function FieldFrame({
  label,
  hint,
  error,
  optional,
  required,
  className,
  children,
}: FieldFrameProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field-control">{children({ id, describedBy: describedBy || undefined })}</div>
      {error && (
        <p className="field-error" id={errorId}>
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </div>
  )
}
