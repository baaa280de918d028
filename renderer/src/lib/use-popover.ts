import { useEffect, useRef, useState } from 'react'

/**
 * A small popover form under a trigger button: on open its input takes focus (its text
 * selected); a pointer down outside the anchor closes it; `close` closes it and gives focus back
 * to the trigger (after Esc or a save).
 */
export function usePopover() {
  const [open, setOpen] = useState(false)
  const anchor = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!open) return
    input.current?.focus()
    input.current?.select()
    const onPointer = (event: PointerEvent) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  function close() {
    setOpen(false)
    trigger.current?.focus()
  }

  return { open, setOpen, close, anchor, trigger, input }
}
