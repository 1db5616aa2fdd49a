/** Every shortcut, once: the help dialog lists these and the handler implements them. */
export const SHORTCUTS = [
  { keys: ['j', '↓'], label: 'keyboard.next' },
  { keys: ['k', '↑'], label: 'keyboard.previous' },
  { keys: ['Enter'], label: 'keyboard.openTicket' },
  { keys: ['x'], label: 'keyboard.select' },
  { keys: ['a'], label: 'keyboard.assignToMe' },
  { keys: ['r'], label: 'keyboard.reply' },
  { keys: ['n'], label: 'keyboard.newTicket' },
  { keys: ['/'], label: 'keyboard.search' },
  // A sequence: g, then r.
  { keys: ['g', 'r'], label: 'reports.goTo', sequence: true },
  { keys: ['Ctrl', 'K'], label: 'keyboard.palette' },
  { keys: ['?'], label: 'keyboard.help' },
  { keys: ['Esc'], label: 'keyboard.back' },
] as const;
