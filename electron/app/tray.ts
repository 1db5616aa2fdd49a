import { Tray, nativeImage } from 'electron';
import { menuLanguage } from '../core/menu-template';

/**
 * The tray icon: the number of the agent's tickets in SLA warning or breach, visible while
 * the window is hidden or behind others. Clicking it brings the console forward.
 */
// A 16×16 PNG drawn in code, so the tray works before build/ has real icons.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAALUlEQVR42mNgoBYQqWj6TwqmSDOGIcPIAGLBIDYAZgguP6PLDVcD6JYfqJaLAQb600rVPzwjAAAAAElFTkSuQmCC';

export interface AttentionTray {
  setCount(count: number): void;
  destroy(): void;
}

export function tooltipFor(count: number, locale: string): string {
  if (menuLanguage(locale) === 'es')
    return count === 0
      ? 'Mesa'
      : `Mesa: ${count} ${count === 1 ? 'ticket requiere' : 'tickets requieren'} atención`;
  return count === 0 ? 'Mesa' : `Mesa: ${count} ${count === 1 ? 'ticket needs' : 'tickets need'} attention`;
}

export function createAttentionTray(locale: string, onClick: () => void): AttentionTray {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  tray.setToolTip(tooltipFor(0, locale));
  tray.on('click', onClick);
  return {
    setCount(count) {
      tray.setToolTip(tooltipFor(count, locale));
      // The title shows next to the icon on macOS; elsewhere it is ignored.
      if (process.platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '');
    },
    destroy: () => tray.destroy(),
  };
}
