// SLA notifications in the desktop app, through Playwright's _electron: the renderer's
// watcher asks the main process to show a native Notification (electron/app/notifications.ts);
// clicking it focuses the window and opens the ticket. Needs a real Electron binary; where
// none is installed (these build machines cannot download it) the test skips itself and
// says why. The browser-host twin is e2e/sla-notifications.spec.ts; the glue is unit-tested
// with a stubbed electron in electron/app/mesa-app.test.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { signInToConsole, ticketView } from '../support/console';
import { createFastSlaTicket } from '../support/fast-sla-ticket';

const binary = findElectronBinary();
const mainBundle = resolve('dist/electron/main.cjs');

/** What the main process's Notification objects record once recordNativeNotifications ran. */
interface Recorded {
  title: string;
  body: string;
}

test.describe('native SLA notifications', () => {
  test.skip(
    !binary.path,
    `No Electron binary: ${'reason' in binary ? binary.reason : ''}. Install it (npx install-electron) on a machine with internet to run this test.`,
  );

  let backend: BackendProcess;
  let userData: string;
  test.beforeAll(async () => {
    if (!existsSync(mainBundle))
      throw new Error(`${mainBundle} is missing: run npm run build (renderer and electron).`);
    backend = await startBackendProcess({ seedDemo: true });
    userData = mkdtempSync(join(tmpdir(), 'mesa-electron-sla-'));
  });
  test.afterAll(async () => {
    await backend?.stop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('a warning is shown natively, and clicking it opens the ticket', async () => {
    test.setTimeout(180_000);
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [mainBundle, '--lang=en-US', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, MESA_BACKEND_URL: backend.url, MESA_USER_DATA_DIR: userData },
    });
    try {
      // Record instead of showing: a CI desktop may have no notification daemon, and the
      // test needs the objects to click. isSupported is forced so the native path is taken.
      await app.evaluate(({ Notification }) => {
        const shown: unknown[] = [];
        (globalThis as { __mesaShown?: unknown[] }).__mesaShown = shown;
        Notification.isSupported = () => true;
        Notification.prototype.show = function show(this: Electron.Notification) {
          shown.push(this);
        };
      });
      const window = await app.firstWindow();
      await signInToConsole(window, 'en', backend.url);

      const fast = await createFastSlaTicket(backend.url);
      const shownFor = () =>
        app.evaluate(
          (_electron, number) =>
            ((globalThis as { __mesaShown?: Array<{ title: string; body: string }> }).__mesaShown ?? [])
              .filter((n) => n.title.includes(number))
              .map((n): Recorded => ({ title: n.title, body: n.body })),
          fast.number,
        );
      await expect.poll(async () => (await shownFor()).length, { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
      const [warning] = await shownFor();
      expect(warning?.title).toContain('first response');
      expect(warning?.body).toContain(fast.title);

      await app.evaluate((_electron, number) => {
        const shown = (
          globalThis as unknown as { __mesaShown: Array<{ title: string; emit(event: string): void }> }
        ).__mesaShown;
        shown.find((n) => n.title.includes(number))?.emit('click');
      }, fast.number);
      await expect(ticketView(window)).toHaveAttribute('data-ticket-id', fast.ticketId);
    } finally {
      await app.close();
    }
  });
});
