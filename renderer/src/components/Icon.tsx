const PATHS = {
  check: 'M4 10.5l4 4 8-9',
  calendar: 'M3.5 5h13v11.5h-13zM3.5 8.5h13M7 3v3.5M13 3v3.5',
  cross: 'M5.5 5.5l9 9m0-9l-9 9',
  copy: 'M7.5 7.5h8v9h-8zM4.5 12.5v-9h8',
  refresh: 'M15.5 9.5a5.5 5.5 0 1 1-1.8-4.6M15.5 3.5v3.5H12',
  chevronDown: 'M5.5 8l4.5 4.5L14.5 8',
  chevronLeft: 'M12 5l-5 5 5 5',
  sun: 'M10 6.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7zM10 2v1.5M10 16.5V18M2 10h1.5M16.5 10H18M4.3 4.3l1.1 1.1M14.6 14.6l1.1 1.1M4.3 15.7l1.1-1.1M14.6 5.4l1.1-1.1',
  moon: 'M15.5 12.5A6.5 6.5 0 0 1 7.5 4.5a6.5 6.5 0 1 0 8 8z',
  monitor: 'M3 4.5h14v9H3zM7 16.5h6M10 13.5v3',
  info: 'M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM10 9v4.5M10 6.5v.5',
  alert: 'M10 3l7.5 13h-15zM10 8v4M10 14v.5',
  eye: 'M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10zM10 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  eyeOff:
    'M3 3l14 14M8.2 5a8 8 0 0 1 1.8-.5c5 0 8 5.5 8 5.5a14 14 0 0 1-2.2 2.8M12.8 15a8 8 0 0 1-2.8.5c-5 0-8-5.5-8-5.5a14 14 0 0 1 3-3.4M8.3 8.3a2.5 2.5 0 0 0 3.4 3.4',
  plus: 'M10 4.5v11M4.5 10h11',
  bell: 'M5.5 13.5V9a4.5 4.5 0 0 1 9 0v4.5l1.5 1.5h-12zM8.5 17h3',
  signOut: 'M8 4H4.5v12H8M12.5 6.5L16 10l-3.5 3.5M16 10H8',
  user: 'M10 3.5a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM4 16.5c.8-3 3.2-4.5 6-4.5s5.2 1.5 6 4.5',
  sandbox: 'M4 7l6-3.5L16 7v6l-6 3.5L4 13zM4 7l6 3.5L16 7M10 10.5v6',
  users:
    'M7.5 4a2.7 2.7 0 1 0 0 5.4a2.7 2.7 0 1 0 0-5.4zM2.5 16c.6-2.7 2.6-4 5-4s4.4 1.3 5 4M13 4.3a2.7 2.7 0 0 1 0 5.1M14.5 12.3c1.4.5 2.5 1.7 3 3.7',
  wallet: 'M3.5 6.5h13v10h-13zM3.5 6.5l10-3v3M13 11.5h1',
  search: 'M8.5 3.5a5 5 0 1 0 0 10a5 5 0 1 0 0-10zM12.2 12.2l4.3 4.3',
  arrowUp: 'M10 15.5v-11M5.5 9L10 4.5 14.5 9',
  arrowDown: 'M10 4.5v11M5.5 11l4.5 4.5 4.5-4.5',
  sortable: 'M6.5 8L10 4.5 13.5 8M6.5 12l3.5 3.5 3.5-3.5',
  download: 'M10 3.5v9M6 8.5l4 4 4-4M4 16.5h12',
  wifiOff:
    'M3 3l14 14M10 15.5h.01M7.5 12.6a3.6 3.6 0 0 1 4.2-.5M4.6 9.8a7.6 7.6 0 0 1 3-1.8M12.6 8.2a7.6 7.6 0 0 1 2.8 1.6M2 7a11.6 11.6 0 0 1 3-2M9 4.1A11.6 11.6 0 0 1 18 7',
  home: 'M3.5 9L10 3.5 16.5 9v7.5h-13zM8 16.5v-4.5h4v4.5',
  chart: 'M3.5 16.5h13M6 13.5v-4M10 13.5v-8M14 13.5v-6',
  phone:
    'M5 3.5h3l1.5 4-2 1.2a8 8 0 0 0 3.8 3.8l1.2-2 4 1.5v3a1.5 1.5 0 0 1-1.5 1.5A12.5 12.5 0 0 1 3.5 5 1.5 1.5 0 0 1 5 3.5z',
  list: 'M7 5.5h9.5M7 10h9.5M7 14.5h9.5M3.5 5.5h.01M3.5 10h.01M3.5 14.5h.01',
  shield: 'M10 2.5l6 2.5v4.5c0 3.8-2.6 6.6-6 8-3.4-1.4-6-4.2-6-8V5z',
  clock: 'M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM10 6v4l2.5 2.5',
  settings:
    'M10 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5zM10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4',
  sidebar: 'M3.5 4.5h13v11h-13zM8 4.5v11',
  columns: 'M3.5 4.5h13v11h-13zM8 4.5v11M12 4.5v11',
  command:
    'M7 7h6v6H7zM7 7H5.5a1.5 1.5 0 1 1 1.5-1.5zM13 7V5.5a1.5 1.5 0 1 1 1.5 1.5zM13 13h1.5a1.5 1.5 0 1 1-1.5 1.5zM7 13v1.5A1.5 1.5 0 1 1 5.5 13z',
} as const

export type IconName = keyof typeof PATHS

/** A decorative stroke icon; the text next to it carries the meaning. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 20 20"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
