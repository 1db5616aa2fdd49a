import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CommentVisibility, Macro } from '../../shared/index';

export interface Draft {
  body: string;
  visibility: CommentVisibility;
  /** Field changes a canned reply asked for, applied when the reply is sent. */
  effects?: { setStatus: Macro['setStatus']; setCategory: Macro['setCategory'] } | null;
}

interface DraftState {
  /** Reply drafts by ticket id: survive switching tickets and restarts, like a mail client's. */
  drafts: Record<string, Draft>;
  /**
   * The server's `updatedAt` of each ticket as the agent last saw it (when opened, or
   * after reviewing changes). Sending a reply compares against it: the stale-work guard.
   */
  seenServerVersion: Record<string, string | null>;
  /** For each reply sent while it sat in the outbox: the server version it was written against. */
  queuedReplyBase: Record<string, string | null>;
  setDraft(ticketId: string, draft: Partial<Draft>): void;
  insertIntoDraft(
    ticketId: string,
    text: string,
    visibility?: CommentVisibility,
    effects?: Draft['effects'],
  ): void;
  clearDraft(ticketId: string): void;
  markSeen(ticketId: string, serverUpdatedAt: string | null): void;
  rememberQueuedReply(commentId: string, serverUpdatedAt: string | null): void;
}

const EMPTY: Draft = { body: '', visibility: 'public' };

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      seenServerVersion: {},
      queuedReplyBase: {},
      setDraft: (ticketId, draft) =>
        set((s) => ({ drafts: { ...s.drafts, [ticketId]: { ...(s.drafts[ticketId] ?? EMPTY), ...draft } } })),
      insertIntoDraft: (ticketId, text, visibility, effects) =>
        set((s) => {
          const current = s.drafts[ticketId] ?? EMPTY;
          const body = current.body.trim() ? `${current.body.replace(/\s+$/, '')}\n\n${text}` : text;
          const draft: Draft = {
            body,
            visibility: visibility ?? current.visibility,
            effects: effects ?? current.effects ?? null,
          };
          return { drafts: { ...s.drafts, [ticketId]: draft } };
        }),
      clearDraft: (ticketId) =>
        set((s) => {
          const drafts = { ...s.drafts };
          delete drafts[ticketId];
          return { drafts };
        }),
      markSeen: (ticketId, version) =>
        set((s) => ({ seenServerVersion: { ...s.seenServerVersion, [ticketId]: version } })),
      rememberQueuedReply: (commentId, version) =>
        set((s) => ({ queuedReplyBase: { ...s.queuedReplyBase, [commentId]: version } })),
    }),
    { name: 'mesa.drafts' },
  ),
);

export const draftOf = (drafts: Record<string, Draft>, ticketId: string): Draft => drafts[ticketId] ?? EMPTY;
