import { Menu, type MenuItemConstructorOptions } from 'electron'

/** The application menu; Edit is what makes copy and paste work in text fields on macOS. */
export function buildMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
}

export function installApplicationMenu(platform: NodeJS.Platform): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(platform)))
}
