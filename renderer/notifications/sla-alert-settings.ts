import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { QuietHours } from './quiet-hours';
import { DEFAULT_SLA_WATCH_SETTINGS, type SlaWatchSettings } from './sla-watcher';

/** The agent's SLA notification settings on this computer (localStorage, like the other preferences). */
interface SlaAlertSettingsState {
  settings: SlaWatchSettings;
  setScope(scope: SlaWatchSettings['scope']): void;
  setEvent(event: keyof SlaWatchSettings['events'], on: boolean): void;
  setQuietHours(quietHours: QuietHours | null): void;
}

export const useSlaAlertSettings = create<SlaAlertSettingsState>()(
  persist(
    (set) => ({
      settings: DEFAULT_SLA_WATCH_SETTINGS,
      setScope: (scope) => set((s) => ({ settings: { ...s.settings, scope } })),
      setEvent: (event, on) =>
        set((s) => ({ settings: { ...s.settings, events: { ...s.settings.events, [event]: on } } })),
      setQuietHours: (quietHours) => set((s) => ({ settings: { ...s.settings, quietHours } })),
    }),
    { name: 'mesa.slaAlerts', version: 1 },
  ),
);

/** The agent's own time zone, the default for quiet hours. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
