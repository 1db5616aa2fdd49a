import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuItemSpec } from './menu-template';

const labels = (items: MenuItemSpec[]) => items.map((i) => i.label ?? i.role);
const roles = (items: MenuItemSpec[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);

describe('the application menu', () => {
  it('speaks Spanish or English by the system locale', () => {
    expect(labels(menuTemplate('es-ES', { platform: 'linux', devTools: false }))).toEqual([
      'Archivo',
      'Edición',
      'Ver',
      'Ventana',
      'Ayuda',
    ]);
    expect(labels(menuTemplate('en-GB', { platform: 'linux', devTools: false }))).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(labels(menuTemplate('fr-FR', { platform: 'win32', devTools: false }))[0]).toBe('File');
  });

  it('offers developer tools only in development, and the app menu only on macOS', () => {
    expect(roles(menuTemplate('en', { platform: 'linux', devTools: false }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('en', { platform: 'linux', devTools: true }))).toContain('toggleDevTools');
    expect(menuTemplate('en', { platform: 'darwin', devTools: false })[0]).toEqual({ role: 'appMenu' });
  });
});
