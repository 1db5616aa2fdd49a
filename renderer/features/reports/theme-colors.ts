import { useEffect, useState } from 'react';
import { usePrefsStore } from '../../stores/prefs-store';

/**
 * The colour a theme variable gives right now. A canvas cannot take `var(--ok)`, and the
 * variables hold `light-dark(…)`, which only an element resolves: so a probe element is
 * coloured with the variable and its computed colour read back.
 */
export function resolveColor(variable: string, themeKey: string): string {
  // Each probe forces a style recalculation of the page: read each variable once per theme.
  if (cache.themeKey !== themeKey) cache = { themeKey, colors: new Map() };
  let color = cache.colors.get(variable);
  if (color === undefined) {
    const probe = document.createElement('span');
    probe.style.color = `var(${variable})`;
    probe.hidden = true;
    document.body.append(probe);
    color = getComputedStyle(probe).color;
    probe.remove();
    cache.colors.set(variable, color);
  }
  return color;
}

let cache: { themeKey: string; colors: Map<string, string> } = { themeKey: '', colors: new Map() };

/** Changes whenever the resolved theme may have changed (the agent's choice, or the system's). */
export function useThemeKey(): string {
  const theme = usePrefsStore((s) => s.theme);
  const [systemChanges, setSystemChanges] = useState(0);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const changed = () => setSystemChanges((n) => n + 1);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return `${theme}:${systemChanges}`;
}
