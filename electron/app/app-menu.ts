import { Menu, app } from 'electron';
import { menuTemplate } from '../core/menu-template';

export function installAppMenu(): void {
  const template = menuTemplate(app.getLocale(), { platform: process.platform, devTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
