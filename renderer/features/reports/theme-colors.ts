import { useEffect, useState } from 'react';
import { usePrefsStore } from '../../stores/prefs-store';

/**
 * The colour a theme variable gives right now. A canvas cannot take `var(--ok)`, and the
 * variables hold `light-dark(…)`, which only an element resolves: so a probe element is
 * coloured with the variable and its computed colour read back.
 */
export function resolveColor(variable: string, within: Element = document.body): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  probe.hidden = true;
  within.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

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
