/** The visual mark of a required field; the control's `required` tells assistive technology. */
export function RequiredMark() {
  return (
    <span className="field-required" aria-hidden="true">
      {' '}
      *
    </span>
  )
}
