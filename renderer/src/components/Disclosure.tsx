import { useState, type ReactNode } from 'react'
import { Icon } from './Icon'

/**
 * A section behind a native <details>: its content mounts only once opened, so what it reads
 * (from Vobiz) is read only when someone looks.
 */
export function Disclosure({
  title,
  testId,
  children,
}: {
  title: string
  testId?: string
  children: () => ReactNode
}) {
  const [open, setOpen] = useState(false)
  return (
    <details
      className="section-disclosure"
      data-testid={testId}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="section-disclosure-summary">
        <Icon name="chevronDown" className="section-disclosure-chevron" />
        {title}
      </summary>
      {open && children()}
    </details>
  )
}
