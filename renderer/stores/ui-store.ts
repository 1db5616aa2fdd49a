import { create } from 'zustand';

/** The one overlay open at a time: opening another closes the first, as agents expect. */
export type Overlay = 'palette' | 'shortcuts' | 'newTicket' | 'refused' | null;

/** What a new-ticket form opens with: work handed back from a refused change. */
export interface NewTicketSeed {
  title: string;
  description: string;
  requester: { name: string; email: string; phone?: string } | null;
  /** The refusal this came from: dismissed once the new ticket is made, as its text then lives there. */
  fromRefusalId: string;
}

/** A short confirmation or refusal after a keyboard action that has no control to show it beside. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** What the main area shows when no ticket is open and nothing is searched. */
export type MainView = 'queue' | 'reports';

interface UiState {
  /** The ticket shown in the ticket view; null shows the main view. */
  openTicketId: string | null;
  /** A ticket opened from the reports goes back to them when closed. */
  view: MainView;
  overlay: Overlay;
  /** The search box's text; non-empty replaces the queue (or the open ticket) with results. */
  search: string;
  /** Bumped to ask the search box (always mounted) to take focus; it owns its ref. */
  focusSearchTick: number;
  /**
   * A request for the reply box to take focus (`r`, a macro). A flag, not a counter: the
   * box may mount after the request (`r` from the queue opens the ticket first), and it
   * must take focus once, not every time a later ticket opens.
   */
  replyFocusPending: boolean;
  toast: Toast | null;
  /** A status dialog the palette asked the open ticket's status control to show (it needs words: a note, a reason). */
  statusDialog: 'resolved' | 'pending' | null;
  /** Set only by openNewTicket; any other overlay change clears it, so `n` opens an empty form. */
  newTicketSeed: NewTicketSeed | null;
  openTicket(id: string): void;
  closeTicket(): void;
  /** Shows a main view, closing the ticket and the search. */
  showView(view: MainView): void;
  setOverlay(overlay: Overlay): void;
  openNewTicket(seed: NewTicketSeed): void;
  requestStatusDialog(dialog: 'resolved' | 'pending' | null): void;
  setSearch(search: string): void;
  focusSearch(): void;
  focusReply(): void;
  replyFocused(): void;
  showToast(kind: Toast['kind'], text: string): void;
  dismissToast(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  openTicketId: null,
  view: 'queue',
  overlay: null,
  search: '',
  focusSearchTick: 0,
  replyFocusPending: false,
  toast: null,
  newTicketSeed: null,
  statusDialog: null,
  openTicket: (openTicketId) => set({ openTicketId, overlay: null, statusDialog: null }),
  closeTicket: () => set({ openTicketId: null, statusDialog: null }),
  showView: (view) => set({ view, openTicketId: null, search: '', statusDialog: null, overlay: null }),
  setOverlay: (overlay) => set({ overlay, newTicketSeed: null }),
  openNewTicket: (newTicketSeed) => set({ overlay: 'newTicket', newTicketSeed }),
  requestStatusDialog: (statusDialog) => set({ statusDialog }),
  // Results replace whatever is on screen, a ticket too: typing in the search box while a
  // ticket is open must show what was asked for, not leave the ticket up.
  setSearch: (search) =>
    set((s) => ({ search, openTicketId: search.trim() ? null : s.openTicketId, statusDialog: null })),
  focusSearch: () => set((s) => ({ focusSearchTick: s.focusSearchTick + 1, openTicketId: null })),
  focusReply: () => set({ replyFocusPending: true }),
  replyFocused: () => set({ replyFocusPending: false }),
  showToast: (kind, text) => set((s) => ({ toast: { id: (s.toast?.id ?? 0) + 1, kind, text } })),
  dismissToast: () => set({ toast: null }),
}));
