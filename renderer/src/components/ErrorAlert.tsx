import type { ReactNode } from 'react'
import { Icon } from './Icon'
import type { ErrorText } from '../lib/error-messages'

/** The one alert region of a screen: what went wrong, and main's words when they add to it. */
export function ErrorAlert({
  text,
  onDismiss,
  children,
}: {
  text: ErrorText
  onDismiss?: () => void
  children?: ReactNode
}) {
  return (
    <div role="alert" className="banner banner-danger">
      <Icon name="alert" className="banner-icon" />
      <div className="banner-text">
        <p className="banner-title">{text.title}</p>
        {text.detail && text.detail !== text.title && (
          <p className="banner-detail">{text.detail}</p>
        )}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
          Dismiss
          <span className="visually-hidden"> error</span>
        </button>
      )}
    </div>
  )
}
