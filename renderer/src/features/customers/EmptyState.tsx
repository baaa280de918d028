import type { ReactNode } from 'react'
import { Icon, type IconName } from '../../components/Icon'

/** What the table area says when it has no rows to show, and what to do about it. */
export function EmptyState({
  icon,
  title,
  text,
  children,
}: {
  icon: IconName
  title: string
  text: string
  children?: ReactNode
}) {
  return (
    <div className="customers-empty" data-testid="customers-empty">
      <span className="empty-state-icon" aria-hidden="true">
        <Icon name={icon} />
      </span>
      <h3 className="empty-state-title">{title}</h3>
      <p className="empty-state-text">{text}</p>
      {children}
    </div>
  )
}
