import { describe, expect, it } from 'vitest';
import { APP_PARTITION, mainWindowOptions } from './window-options';

describe('the main window', () => {
  const { webPreferences, show } = mainWindowOptions('/x/preload.cjs');

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      partition: APP_PARTITION,
    });
    expect(APP_PARTITION).toMatch(/^persist:./);
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('stays hidden until the first paint', () => {
    expect(show).toBe(false);
  });
});
