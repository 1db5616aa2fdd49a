/**
 * The console's icons as inline SVG: the same on every machine (unlike emoji and symbol
 * glyphs, which depend on installed fonts), coloured by currentColor, and always
 * decorative — the words next to them carry the meaning.
 */
const PATHS = {
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm9 16-4.35-4.35',
  plus: 'M12 5v14M5 12h14',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  pause: 'M9 5v14M15 5v14',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4v5l3 2',
  alert: 'M12 3 2 20h20L12 3Zm0 6v5m0 3v.5',
  check: 'm5 12 5 5 9-10',
  x: 'M6 6l12 12M18 6 6 18',
  sync: 'M20 11a8 8 0 0 0-14.3-4.3L4 8m0-4v4h4M4 13a8 8 0 0 0 14.3 4.3L20 16m0 4v-4h-4',
  back: 'M19 12H5m6-6-6 6 6 6',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
  inbox: 'M3 13h5l2 3h4l2-3h5M5 5h14l2 8v6H3v-6z',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-6 9a6 6 0 0 1 12 0m2-9a3 3 0 1 0 0-6m4 15a5 5 0 0 0-4-5',
  flag: 'M5 21V4m0 0h11l-2 4 2 4H5',
  list: 'M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01',
  chart: 'M3 3v18h18M8 17v-6m5 6V7m5 10v-3',
  paperclip: 'M21 11 12 20a5 5 0 0 1-7-7l9-9a3.5 3.5 0 0 1 5 5l-9 9a2 2 0 0 1-3-3l8-8',
  file: 'M14 3H6v18h12V7l-4-4Zm0 0v4h4',
  image: 'M4 5h16v14H4zM4 15l4-4 5 5 3-3 4 4M15 9h.01',
  cloudOff: 'M3 3l18 18M8 18H7a4 4 0 0 1-.8-7.9M10.5 6.2A6 6 0 0 1 18 11a3.5 3.5 0 0 1 2 6.3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 14, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={`icon ${className ?? ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
