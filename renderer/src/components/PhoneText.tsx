import type { ClipboardEvent } from 'react'
import { formatPhone } from '../../../shared/phone-format'

/**
 * A phone number shown in the international format; copying the whole number gives the raw
 * E.164 text (what Vobiz and dialers take), not the spaced form on screen.
 */
export function PhoneText({ raw }: { raw: string }) {
  const shown = formatPhone(raw)
  function copyRaw(event: ClipboardEvent<HTMLSpanElement>) {
    if (shown === raw || window.getSelection()?.toString().trim() !== shown) return
    event.clipboardData.setData('text/plain', raw)
    event.preventDefault()
  }
  return (
    <span className="mono" title={shown === raw ? undefined : raw} onCopy={copyRaw}>
      {shown}
    </span>
  )
}
