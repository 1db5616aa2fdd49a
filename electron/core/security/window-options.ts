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
