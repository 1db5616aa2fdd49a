import { Notification } from 'electron';
import type { InvokeRequestParsed } from '../core/ipc-router';

/**
 * Native notifications for SLA warnings. Each is kept by its tag until closed: Electron drops
 * a Notification's click handler once the object is garbage-collected, and a second warning
 * with the same tag replaces the first instead of stacking.
 */
export class NotificationCenter {
  private readonly shown = new Map<string, Notification>();

  constructor(private readonly onClick: (ticketId: string) => void) {}

  show({ tag, title, body, ticketId }: InvokeRequestParsed<'showNotification'>): { shown: boolean } {
    if (!Notification.isSupported()) return { shown: false };
    this.shown.get(tag)?.close();
    const notification = new Notification({ title, body });
    const forget = () => {
      if (this.shown.get(tag) === notification) this.shown.delete(tag);
    };
    notification.on('click', () => {
      forget();
      this.onClick(ticketId);
    });
    notification.on('close', forget);
    this.shown.set(tag, notification);
    notification.show();
    return { shown: true };
  }
}
