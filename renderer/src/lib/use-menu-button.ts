import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

/**
 * The keyboard model of a menu button (WAI-ARIA APG): Enter, Space or a click opens the menu on
 * its first item, ↓/↑ on the button open it on the first/last; in the menu ↓ ↑ Home End move
 * (wrapping), Esc closes and gives focus back to the button, Tab closes and moves on; a pointer
 * down outside closes it. Spread `triggerProps` on the button and `menuProps` on the
 * `role="menu"` list; items carry `role="menuitem"` and `tabIndex={-1}`.
 *
 * `fixed`: the menu (styled `position: fixed`) is placed against the window under its button,
 * or above it when there is no room below, so a scroll box around it (a table's) cannot clip
 * it; a scroll or a resize, which would leave it behind, closes it.
 */
export function useMenuButton<T extends HTMLElement = HTMLUListElement>({ fixed = false } = {}) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<T>(null)

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  function openMenu(focus: 'first' | 'last') {
    setOpen(true)
    requestAnimationFrame(() => {
      const list = items()
      ;(focus === 'first' ? list[0] : list[list.length - 1])?.focus()
    })
  }

  function close(restoreFocus: boolean) {
    setOpen(false)
    if (restoreFocus) trigger.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  useLayoutEffect(() => {
    const list = menu.current
    const button = trigger.current
    if (!fixed || !open || !list || !button) return
    const box = button.getBoundingClientRect()
    const roomBelow = window.innerHeight - box.bottom
    list.style.right = `${window.innerWidth - box.right}px`
    if (roomBelow < list.offsetHeight + 8 && box.top > roomBelow) {
      list.style.bottom = `${window.innerHeight - box.top + 4}px`
    } else {
      list.style.top = `${box.bottom + 4}px`
    }
  }, [fixed, open])

  useEffect(() => {
    if (!fixed || !open) return
    const onMove = (event: Event) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false)
    }
    window.addEventListener('scroll', onMove, true)
    window.addEventListener('resize', onMove)
    return () => {
      window.removeEventListener('scroll', onMove, true)
      window.removeEventListener('resize', onMove)
    }
  }, [fixed, open])

  function onTriggerKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  function onMenuKey(event: KeyboardEvent<T>) {
    const list = items()
    const index = list.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1)
      case 'ArrowUp':
        return move(index - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(list.length - 1)
      case 'Escape':
        // Not on to a dialog around the menu (the drawer), which would close too.
        event.preventDefault()
        event.stopPropagation()
        return close(true)
      case 'Tab':
        return close(false)
    }
  }

  return {
    open,
    /** Closes the menu; `restoreFocus` after choosing an item that opens nothing else. */
    close,
    triggerProps: {
      ref: trigger,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => (open ? close(false) : openMenu('first')),
      onKeyDown: onTriggerKey,
    },
    menuProps: { ref: menu, id: menuId, role: 'menu', onKeyDown: onMenuKey },
  }
}
