import type { InputHTMLAttributes, ReactNode, Ref } from 'react'
import { FieldFrame } from './FieldFrame'

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
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      required={input.required}
      className={className}
    >
      {({ id, describedBy }) => (
        <>
          <input
            {...input}
            ref={inputRef}
            id={id}
            className="input"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          {trailing}
        </>
      )}
    </FieldFrame>
  )
}
