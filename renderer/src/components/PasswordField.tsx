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
        <button type="button" className="field-toggle" onClick={() => setShown((now) => !now)}>
          <Icon name={shown ? 'eyeOff' : 'eye'} />
          {shown ? 'Hide' : 'Show'}
          {/* In its text, not aria-label: getByLabel('Password') finds the field alone. */}
          <span className="visually-hidden"> {secret}</span>
        </button>
      }
    />
  )
}
