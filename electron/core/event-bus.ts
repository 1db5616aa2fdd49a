import { ipcEventChannels, type EventChannel, type EventPayload } from '../../shared/ipc/contract';

/**
 * The core's events for the page (connectivity, sync pokes, session, open-ticket). Each host
 * forwards them its own way: Electron with webContents.send, the browser host over its
 * socket. Payloads are checked against the event table before they leave, like responses.
 */
export type EventListener<E extends EventChannel> = (payload: EventPayload<E>) => void;

export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void;
  /** Every event, for hosts that forward them all. */
  onAny(listener: (event: EventChannel, payload: unknown) => void): () => void;
}

export function createEventBus(onInvalid: (event: string, error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<(event: EventChannel, payload: unknown) => void>();

  function onAny(listener: (event: EventChannel, payload: unknown) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    emit(event, payload) {
      const parsed = ipcEventChannels[event].safeParse(payload);
      if (!parsed.success) {
        onInvalid(event, parsed.error);
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(event, parsed.data);
        } catch (error) {
          // One broken subscriber (a closed window, a dead socket) must not starve the others.
          onInvalid(event, error);
        }
      }
    },
    on(event, listener) {
      return onAny((name, payload) => {
        if (name === event) listener(payload as EventPayload<typeof event>);
      });
    },
    onAny,
  };
}
