import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess } from '../electron/testing/host-process';
import { waitUntil } from '../electron/testing/wait-until';
import { LOCALES, WORDS, type Lang } from './support/console';
import { RENDERER_DIR, expect, test } from './support/mesa-fixtures';

/**
 * What a newcomer sees on `npm run start:web`: the browser host signs in as the demo agent
 * and says so once, the tab has the app's icon, and after signing out the sign-in screen
 * names the demo account to use.
 */
const DEMO_HINT: Record<Lang, string> = {
  es: 'Demostración: inicia sesión como agent@example.com con la contraseña mesa-demo.',
  en: 'Demo: sign in as agent@example.com with the password mesa-demo.',
};

for (const lang of ['es', 'en'] as const) {
  test.describe(`first run of the demo (${lang})`, () => {
    test.use({ locale: LOCALES[lang] });

    test('the demo signs in, the tab has an icon, and the sign-in screen names the demo account', async ({
      page,
      backend,
    }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mesa-first-run-'));
      const host = await startHostProcess({
        backendUrl: backend.url,
        dataDir,
        staticDir: RENDERER_DIR,
        args: ['--port', '0', '--demo-login'],
      });
      try {
        // npm start labels each program's lines itself: the host's own are not labelled again.
        await waitUntil('the demo sign-in line', () =>
          host.output().includes('signed in as the demo agent agent@example.com'),
        );
        expect(host.output().filter((line) => line.startsWith('['))).toEqual([]);

        await page.goto(host.consoleUrl);
        await expect(
          page.getByRole('navigation', { name: lang === 'es' ? 'Colas' : 'Queues' }),
        ).toBeVisible();
        const icon = await page.locator('link[rel="icon"]').getAttribute('href');
        const served = await page.request.get(new URL(icon ?? '', page.url()).href);
        expect(served.status()).toBe(200);
        expect(served.headers()['content-type']).toContain('image/svg+xml');

        await page.getByTestId('settings-button').click();
        await page.getByTestId('sign-out').click();
        await expect(page.getByLabel(WORDS[lang].serverUrl)).toBeVisible();
        await expect(page.getByTestId('demo-account')).toHaveText(DEMO_HINT[lang]);
      } finally {
        await host.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
