import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'
import { Icon } from './Icon'
import { RequiredMark } from './RequiredMark'

type TextFieldProps = {
  label: string
  /** Shown under the label; linked with aria-describedby. */
  hint?: ReactNode
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement>
  /** Something drawn inside the field's frame after the input (e.g. a show/hide toggle). */
  trailing?: ReactNode
  optional?: boolean
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>

/** A labelled input with its hint and its field message, both announced with the field. */
export function TextField({
  label,
  hint,
  error,
  inputRef,
  trailing,
  optional,
  className,
  ...input
}: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
        {input.required && <RequiredMark />}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field-control">
        <input
          {...input}
          ref={inputRef}
          id={id}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {trailing}
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
