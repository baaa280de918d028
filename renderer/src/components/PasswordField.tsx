import { useState, type ComponentProps } from 'react'
import { Icon } from './Icon'
import { TextField } from './TextField'

/**
 * A password or token input with its Show/Hide toggle drawn inside the field's frame, the same
 * on every form. `secret` names what it hides, for the toggle's label ("Show password").
 */
export function PasswordField({
  secret,
  className,
  ...field
}: { secret: string } & Omit<ComponentProps<typeof TextField>, 'type' | 'trailing'>) {
  const [shown, setShown] = useState(false)
  return (
    <TextField
      {...field}
      type={shown ? 'text' : 'password'}
      className={`field-with-toggle${className ? ` ${className}` : ''}`}
      trailing={
        <button
          type="button"
          className="field-toggle"
          aria-label={`${shown ? 'Hide' : 'Show'} ${secret}`}
          onClick={() => setShown((now) => !now)}
        >
          <Icon name={shown ? 'eyeOff' : 'eye'} />
          <span aria-hidden="true">{shown ? 'Hide' : 'Show'}</span>
        </button>
      }
    />
  )
}
