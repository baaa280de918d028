/** The app's name with its mark, as plain text (not a heading). */
export function BrandMark() {
  return (
    <span className="brand">
      <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <rect x="1" y="1" width="22" height="22" rx="6" className="brand-mark-bg" />
        <path
          d="M7 8h6.5a3 3 0 0 1 0 6H10v3"
          fill="none"
          className="brand-mark-fg"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="brand-name">Partner Desk</span>
    </span>
  )
}
