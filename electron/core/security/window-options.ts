/**
 * The session the console's window runs in, apart from Electron's default session: the
 * app:// protocol, the permission handlers, the page's IndexedDB and cookies live here and
 * only here, so nothing else that runs in the default session (a future help window, a
 * library's hidden window) shares the page's storage or is granted its permissions.
 * `persist:` keeps the offline cache on disk.
 */
export const APP_PARTITION = 'persist:mesa';

/**
 * The main window's options, as a plain object so a test can read them without Electron.
 * Each web preference is spelled out even where Electron's default is already safe, so a
 * future default change or a careless edit shows up in review and in the test.
 */
export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Mesa',
    // Shown on 'ready-to-show', so the agent never sees an empty white window.
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      partition: APP_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside a drop zone must not replace the app with the file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  } as const;
}
