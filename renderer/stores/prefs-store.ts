import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';
/** How tall the queue's rows are: compact fits about half as many again on a laptop screen. */
export type Density = 'comfortable' | 'compact';

interface PrefsState {
  theme: ThemeChoice;
  /** The server the agent last signed in to, to prefill the connect screen. */
  lastServerUrl: string;
  lastEmail: string;
  density: Density;
  setTheme(theme: ThemeChoice): void;
  setDensity(density: Density): void;
  rememberServer(serverUrl: string, email: string): void;
}

/** The agent's preferences on this computer. Language is i18next's own (see i18n/i18n.ts). */
export const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      theme: 'system',
      lastServerUrl: '',
      lastEmail: '',
      density: 'comfortable',
      setTheme: (theme) => set({ theme }),
      setDensity: (density) => set({ density }),
      rememberServer: (lastServerUrl, lastEmail) => set({ lastServerUrl, lastEmail }),
    }),
    { name: 'mesa.prefs' },
  ),
);

/** Pins the theme on <html>; 'system' removes the pin so CSS follows prefers-color-scheme. */
export function applyTheme(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
