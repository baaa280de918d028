/**
 * The OS clipboard formats that tell clipboard managers a copy is a secret, as password managers
 * set them: clipboard history, cloud clipboard and clipboard monitors then skip it.
 *
 * - macOS: `org.nspasteboard.ConcealedType` (the nspasteboard.org convention).
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (monitors and history skip the copy);
 *   also `CanIncludeInClipboardHistory` and `CanUploadToCloudClipboard` as DWORD 0, which Windows'
 *   own history (Win+V) and cloud sync read.
 * - Linux (KDE's Klipper, and the managers that follow it): `x-kde-passwordManagerHint: secret`.
 *
 * Each is written as an Electron raw-format entry, in the same ClipboardItem as the text, so the
 * clipboard never holds the text without its markers.
 */
export type ClipboardPlatform = 'darwin' | 'win32' | 'linux'

/** The value of a marker: text, or raw bytes (Windows' DWORD flags). */
export type MarkerValue = string | Uint8Array

const DWORD_ZERO = new Uint8Array(4)

const MARKERS: Record<ClipboardPlatform, Record<string, MarkerValue>> = {
  darwin: { 'org.nspasteboard.ConcealedType': '' },
  win32: {
    ExcludeClipboardContentFromMonitorProcessing: '',
    CanIncludeInClipboardHistory: DWORD_ZERO,
    CanUploadToCloudClipboard: DWORD_ZERO,
  },
  linux: { 'x-kde-passwordManagerHint': 'secret' },
}

export const rawFormat = (name: string): string =>
  `electron application/osclipboard;format="${name}"`

/** The platforms Partner Desk ships for; anything else (BSDs) is treated like Linux. */
export function clipboardPlatform(platform: string): ClipboardPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux'
}

/** The entries of one ClipboardItem holding `text` as a secret on `platform`. */
export function secretClipboardEntries(
  text: string,
  platform: ClipboardPlatform,
): Record<string, MarkerValue> {
  const entries: Record<string, MarkerValue> = { 'text/plain': text }
  for (const [name, value] of Object.entries(MARKERS[platform])) entries[rawFormat(name)] = value
  return entries
}
