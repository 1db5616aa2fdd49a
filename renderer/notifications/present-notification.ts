import type { MesaApi } from '../../shared/index';

/**
 * Shows one notification where the agent will see it. Electron shows it natively from the
 * main process (clicking focuses the window and sends `openTicket`); the browser host
 * answers { shown: false }, and the page then uses the Web Notification API itself.
 */
export interface NotificationContent {
  tag: string;
  title: string;
  body: string;
  ticketId: string;
}

export interface PresentDeps {
  api: Pick<MesaApi, 'showNotification'>;
  /** `window.Notification` when the page may use it; injectable for tests. */
  WebNotification?: typeof Notification | undefined;
  focusWindow(): void;
  openTicket(ticketId: string): void;
}

export type Presented = 'native' | 'web' | 'not_shown';

export async function presentNotification(
  content: NotificationContent,
  deps: PresentDeps,
): Promise<Presented> {
  const { shown } = await deps.api.showNotification(content);
  if (shown) return 'native';
  const Web = deps.WebNotification;
  // Asking for permission needs a click (the settings panel has the button); never from a timer.
  if (!Web || Web.permission !== 'granted') return 'not_shown';
  const notification = new Web(content.title, { body: content.body, tag: content.tag });
  notification.onclick = () => {
    deps.focusWindow();
    deps.openTicket(content.ticketId);
    notification.close();
  };
  return 'web';
}
