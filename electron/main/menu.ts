import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Standard menus; app actions have their shortcuts inside the window so they work the same in tests.
 * A packaged app's View menu has zoom and full screen only: no Reload (it would drop unsaved notes
 * without the save-before-close) and no DevTools.
 */
export function menuTemplate(isMac: boolean, isPackaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = isPackaged
    ? {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      }
    : { role: 'viewMenu' };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}

export function installMenu(isMac: boolean, isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isMac, isPackaged)));
}
