import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { refusalText } from '../../i18n/refusals';
import { mutate } from '../mutations';

/** Typing in a field must never trigger a one-letter shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  );
}

const modalOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * The console's keyboard: one listener on the window. Stores are read at key time
 * (getState), so the listener never re-binds and always acts on what is on screen.
 */
export function useShortcuts(meId: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    const ui = useUiStore.getState;
    const queue = useQueueStore.getState;
    /** The first key of a two-key sequence (g r), until the next key. */
    let prefix: 'g' | null = null;

    async function assignToMe() {
      const ticketId = ui().openTicketId ?? queue().activeId;
      if (!ticketId || !meId) return;
      const result = await mutate('ticket.assign', { ticketId, assigneeId: meId });
      if (result.ok) ui().showToast('info', t('ticket.assignedToYou'));
      else ui().showToast('error', refusalText(t, result));
    }

    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        ui().setOverlay(ui().overlay === 'palette' ? null : 'palette');
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (modalOpen()) return;
      // Esc leaves the field being typed in (the reply box, a filter) without touching it; the
      // next Esc, now outside any field, goes back. Without this, `/vpn` after Esc landed in the reply.
      if (event.key === 'Escape' && isTyping(event.target)) {
        event.preventDefault();
        (event.target as HTMLElement).blur();
        return;
      }
      if (isTyping(event.target)) return;
      if (prefix === 'g') {
        prefix = null;
        if (event.key === 'r') {
          event.preventDefault();
          ui().showView('reports');
          return;
        }
      }
      const inTicket = ui().openTicketId !== null;
      const onButton = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      const move = (delta: number) => {
        event.preventDefault();
        const { activeIndex } = queue();
        queue().setActive(Math.max(0, activeIndex + delta), null);
      };
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          if (!inTicket) move(1);
          return;
        case 'k':
        case 'ArrowUp':
          if (!inTicket) move(-1);
          return;
        case 'Enter': {
          const { activeId } = queue();
          if (!inTicket && !onButton && activeId) {
            event.preventDefault();
            ui().openTicket(activeId);
          }
          return;
        }
        case 'x':
        case ' ': {
          const { activeId } = queue();
          if (!inTicket && !onButton && activeId) {
            event.preventDefault();
            queue().toggleSelected(activeId);
          }
          return;
        }
        case 'a':
          event.preventDefault();
          void assignToMe();
          return;
        case 'r': {
          event.preventDefault();
          const { activeId } = queue();
          if (!inTicket && activeId) ui().openTicket(activeId);
          // Taken by the reply box when it mounts, if the ticket view is not open yet.
          ui().focusReply();
          return;
        }
        case 'n':
          event.preventDefault();
          ui().setOverlay('newTicket');
          return;
        case '/':
          event.preventDefault();
          ui().focusSearch();
          return;
        case 'g':
          event.preventDefault();
          prefix = 'g';
          return;
        case '?':
          event.preventDefault();
          ui().setOverlay('shortcuts');
          return;
        case 'Escape':
          if (inTicket) ui().closeTicket();
          else if (ui().search) ui().setSearch('');
          return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [meId, t]);
}
