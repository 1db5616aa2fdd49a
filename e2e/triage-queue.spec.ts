import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  WORDS,
  connectivity,
  grid,
  keepScreenshot,
  openQueue,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';

/**
 * The queue side of the console, in each language: sign in, the five queues with filters
 * and sort, instant accent-insensitive search, the keyboard, both themes, and axe.
 */
for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];

  test.describe(`queues and search (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1440, height: 900 } });

    test('sign in, remembered server, wrong password explained', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The host pins its backend: the connect screen offers it.
      await expect(page.getByLabel(w.serverUrl)).toHaveValue(backend.url);
      await page.getByLabel(w.email, { exact: true }).fill('agent@example.com');
      await page.getByLabel(w.password, { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: w.signIn }).click();
      await expect(page.getByTestId('connect-error')).toHaveText(
        lang === 'es'
          ? 'El correo o la contraseña no son correctos.'
          : 'The email or password is not correct.',
      );
      await expectNoSeriousA11yViolations(page, testInfo, `connect-${lang}`);
      await keepScreenshot(page, testInfo, `connect-${lang}`);

      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);

      // Switch language and pin a theme: both apply at once and survive a reload.
      const other: Lang = lang === 'es' ? 'en' : 'es';
      await page.getByTestId('settings-button').click();
      await page.getByTestId('language-select').selectOption(other);
      await page.getByLabel(other === 'es' ? 'Tema' : 'Theme').selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.reload();
      await expect(page.getByRole('navigation', { name: other === 'es' ? 'Colas' : 'Queues' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.getByTestId('settings-button').click();
      await page.getByTestId('language-select').selectOption(lang);
      await page.getByLabel(lang === 'es' ? 'Tema' : 'Theme').selectOption('system');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('language-select')).toBeHidden();

      // Sign out: back to the connect screen, the server and email still filled in.
      await page.getByTestId('settings-button').click();
      await page.getByTestId('sign-out').click();
      await expect(page.getByLabel(w.serverUrl)).toHaveValue(backend.url);
      await expect(page.getByLabel(w.email, { exact: true })).toHaveValue('agent@example.com');
    });

    test('the five queues, filters, sort and search', async ({ consolePage: page, backend }, testInfo) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);

      // My tickets: every row is assigned to me.
      await openQueue(page, lang, 'mine');
      await expect(rows(page).first()).toBeVisible();
      for (const cell of await rows(page).locator('.cell-assignee').allTextContents())
        expect(cell).toBe('Alex Agent');

      // Unassigned: nobody owns them.
      await openQueue(page, lang, 'unassigned');
      await expect(rows(page).first()).toBeVisible();
      for (const cell of await rows(page).locator('.cell-assignee').allTextContents())
        expect(cell).toBe(w.queues.unassigned);

      // Breaching soon: open tickets whose resolution clock is running toward its due time,
      // soonest first; the sidebar counts the same tickets.
      await openQueue(page, lang, 'breaching');
      await expect(rows(page).first()).toBeVisible();
      const breaching = await page.getByTestId('count-breaching').textContent();
      await expect(page.getByTestId('queue-count')).toContainText(breaching!.trim());
      expect(await rows(page).locator('.sla-running').count()).toBe(await rows(page).count());

      await openQueue(page, lang, 'team');
      await expect(rows(page).first()).toBeVisible();

      // All, filtered to P2, sorted by last update.
      await openQueue(page, lang, 'all');
      await expect(rows(page).first()).toBeVisible();
      const total = Number((await page.getByTestId('count-all').textContent())?.replace(/\D/g, ''));
      await expect(rows(page)).toHaveCount(Math.min(total, await rows(page).count()));
      await page.getByLabel(lang === 'es' ? 'Prioridad' : 'Priority', { exact: true }).selectOption('2');
      await expect(rows(page).first()).toBeVisible();
      for (const p of await rows(page)
        .locator('[data-priority]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-priority')))) {
        expect(p).toBe('2');
      }
      await page.getByLabel(lang === 'es' ? 'Ordenar por' : 'Sort by').selectOption('updated');
      await page.getByRole('button', { name: lang === 'es' ? 'Quitar filtros' : 'Clear filters' }).click();
      await expect(page.getByTestId('queue-count')).toContainText(String(total));

      // Accent-insensitive search: "conexion" finds "Sin conexión a internet…".
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: w.search })).toBeFocused();
      await page.keyboard.type('conexion');
      await expect(rows(page).first()).toContainText(/conexión/i);
      await expect(page.getByTestId('search-count')).toContainText('conexion');
      await keepScreenshot(page, testInfo, `search-${lang}`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('heading', { level: 1, name: w.queues.all })).toBeVisible();
    });

    test('keyboard, palette and shortcuts help; both themes pass axe', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'all');
      await expect(rows(page).nth(2)).toBeVisible();

      // j/k move the cursor (announced through aria-activedescendant), Enter opens, Escape returns.
      await grid(page).focus();
      const active = () => grid(page).getAttribute('aria-activedescendant');
      const first = await active();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expect.poll(active).not.toBe(first);
      const third = await rows(page).nth(2).getAttribute('id');
      await expect.poll(active).toBe(third);
      await page.keyboard.press('k');
      await expect.poll(active).toBe(await rows(page).nth(1).getAttribute('id'));
      const second = await rows(page).nth(1).getAttribute('data-ticket-id');
      await page.keyboard.press('Enter');
      await expect(ticketView(page)).toHaveAttribute('data-ticket-id', second!);
      await page.keyboard.press('Escape');
      await expect(grid(page)).toBeVisible();

      // ? lists every shortcut.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', {
        name: lang === 'es' ? 'Atajos de teclado' : 'Keyboard shortcuts',
      });
      await expect(help).toBeVisible();
      await expect(help.locator('kbd')).toContainText(['j', 'k', 'Enter', 'a', 'r', '/', 'Ctrl', 'K', '?']);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      // Ctrl+K: the palette goes to a queue by name.
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', {
        name: lang === 'es' ? 'Paleta de comandos' : 'Command palette',
      });
      await expect(palette).toBeVisible();
      await page.keyboard.type(lang === 'es' ? 'sin asignar' : 'unassigned');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: w.queues.unassigned })).toBeVisible();

      // The queue in both themes, checked by axe and kept as screenshots.
      await openQueue(page, lang, 'all');
      await expect(rows(page).first()).toBeVisible();
      await expect(connectivity(page)).toHaveText(w.online);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousA11yViolations(page, testInfo, `queue-${lang}-${scheme}`);
        await keepScreenshot(page, testInfo, `queue-${lang}-${scheme}`);
      }
    });
  });
}
