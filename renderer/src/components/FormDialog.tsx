import { useId, useRef, type FormEvent, type ReactNode } from 'react'
import { useModalDialog } from '../lib/use-modal-dialog'
import { ClipboardToast } from './ClipboardToast'
import { Icon } from './Icon'

/**
 * A small modal dialog: a title, a body and its actions. With `onSubmit` the body is a form
 * (Enter submits). Esc and the close button call `onClose` unless `busy`.
 */
export function FormDialog({
  title,
  testId,
  busy = false,
  onClose,
  onSubmit,
  actions,
  children,
  className = '',
}: {
  title: string
  testId: string
  busy?: boolean
  onClose: () => void
  onSubmit?: () => void
  actions: ReactNode
  children: ReactNode
  className?: string
}) {
  const body = (
    <>
      <div className="form-dialog-body">{children}</div>
      <footer className="form-dialog-actions">{actions}</footer>
    </>
  )
  return (
    <DialogFrame
      title={title}
      testId={testId}
      busy={busy}
      onClose={onClose}
      className={`small-dialog ${className}`}
    >
      {onSubmit ? (
        <form
          className="form-dialog-form"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            if (!busy) onSubmit()
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </DialogFrame>
  )
}

/**
 * The modal frame of the app's dialogs: a titled header with a close button, then `children`,
 * and the clipboard's countdown while it is open. Esc and the close button call `onClose` unless
 * `busy` (then the button is not shown either).
 */
export function DialogFrame({
  title,
  testId,
  busy = false,
  onClose,
  closeLabel = 'Close',
  className = '',
  children,
}: {
  title: ReactNode
  testId: string
  busy?: boolean
  onClose: () => void
  closeLabel?: string
  className?: string
  children: ReactNode
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useModalDialog(dialog)
  return (
    <dialog
      ref={dialog}
      className={`form-dialog ${className}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        // Not on to a dialog below (the drawer): React passes the event up its component tree.
        event.stopPropagation()
        if (!busy) onClose()
      }}
    >
      <div className="form-dialog-form">
        <header className="form-dialog-header small-dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {!busy && (
            <button type="button" className="button button-ghost button-small" onClick={onClose}>
              <Icon name="cross" />
              <span className="visually-hidden">{closeLabel}</span>
            </button>
          )}
        </header>
        {children}
      </div>
      {/* Inside the dialog: the page behind it is inert and under its backdrop. */}
      <ClipboardToast />
    </dialog>
  )
}
