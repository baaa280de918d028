import { createFocusTrap } from 'focus-trap'
import { useEffect, type RefObject } from 'react'

/**
 * Shows a <dialog> as modal for as long as the component is mounted. The native modal dialog
 * makes the page behind inert and handles Esc (its `cancel` event, which the caller handles);
 * focus-trap keeps Tab cycling inside instead of leaving for the browser's or the OS's focus
 * chain. Where focus goes afterwards is the caller's choice.
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    const trap = createFocusTrap(element, {
      escapeDeactivates: false,
      allowOutsideClick: true,
      returnFocusOnDeactivate: false,
      initialFocus: false,
      fallbackFocus: element,
    })
    trap.activate()
    return () => {
      trap.deactivate()
      element.close()
    }
  }, [dialog])
}
