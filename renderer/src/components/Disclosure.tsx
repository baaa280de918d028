import { useState, type ReactNode } from 'react'

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
      className="disclosure"
      data-testid={testId}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="disclosure-summary">{title}</summary>
      {open && children()}
    </details>
  )
}
