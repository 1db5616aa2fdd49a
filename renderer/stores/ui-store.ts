import { create } from 'zustand';

/** The one overlay open at a time: opening another closes the first, as agents expect. */
export type Overlay = 'palette' | 'shortcuts' | 'newTicket' | 'refused' | null;

/** A short confirmation or refusal after a keyboard action that has no control to show it beside. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface UiState {
  /** The ticket shown in the ticket view; null shows the queue. */
  openTicketId: string | null;
  overlay: Overlay;
  /** The search box's text; non-empty replaces the queue with results. */
  search: string;
  /** Bumped to ask a control to take focus (the `/` and `r` shortcuts); the control owns its ref. */
  focusSearchTick: number;
  focusReplyTick: number;
  toast: Toast | null;
  openTicket(id: string): void;
  closeTicket(): void;
  setOverlay(overlay: Overlay): void;
  setSearch(search: string): void;
  focusSearch(): void;
  focusReply(): void;
  showToast(kind: Toast['kind'], text: string): void;
  dismissToast(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  openTicketId: null,
  overlay: null,
  search: '',
  focusSearchTick: 0,
  focusReplyTick: 0,
  toast: null,
  openTicket: (openTicketId) => set({ openTicketId, overlay: null }),
  closeTicket: () => set({ openTicketId: null }),
  setOverlay: (overlay) => set({ overlay }),
  setSearch: (search) => set({ search }),
  focusSearch: () => set((s) => ({ focusSearchTick: s.focusSearchTick + 1, openTicketId: null })),
  focusReply: () => set((s) => ({ focusReplyTick: s.focusReplyTick + 1 })),
  showToast: (kind, text) => set((s) => ({ toast: { id: (s.toast?.id ?? 0) + 1, kind, text } })),
  dismissToast: () => set({ toast: null }),
}));
