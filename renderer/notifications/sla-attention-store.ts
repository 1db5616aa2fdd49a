import { create } from 'zustand';

/**
 * How many watched tickets have a clock in warning or breach, as of the watcher's last
 * check: the tray shows it in Electron, the top bar in both hosts. `null` until the first
 * check, so a view can tell "none" from "not looked yet".
 */
interface SlaAttentionState {
  count: number | null;
  setCount(count: number): void;
}

export const useSlaAttention = create<SlaAttentionState>()((set) => ({
  count: null,
  setCount: (count) => set({ count }),
}));
