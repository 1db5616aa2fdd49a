import {
  LOCALES,
  keepScreenshot,
  openQueue,
  rowOf,
  rows,
  signInToConsole,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';

/** Bulk triage online, in each language: tick rows (mouse, header box, `x`), assign them, set impact and urgency. */
const T = {
  es: {
    selected: (n: number) => (n === 1 ? `${n} seleccionado` : `${n} seleccionados`),
    assign: 'Asignar a…',
    classify: 'Impacto y urgencia…',
    impact: 'Impacto',
    urgency: 'Urgencia',
    apply: 'Aplicar',
    result: 'Resultado de la acción en bloque',
    applied: (n: number) => `Se aplicó a ${n} tickets.`,
    selectVisible: 'Seleccionar los visibles',
    clear: 'Quitar selección',
    close: 'Cerrar',
  },
  en: {
    selected: (n: number) => `${n} selected`,
    assign: 'Assign to…',
    classify: 'Impact and urgency…',
    impact: 'Impact',
    urgency: 'Urgency',
    apply: 'Apply',
    result: 'Bulk action result',
    applied: (n: number) => `Applied to ${n} tickets.`,
    selectVisible: 'Select visible',
    clear: 'Clear selection',
    close: 'Close',
  },
} as const;

for (const lang of ['es', 'en'] as Lang[]) {
  const t = T[lang];

  test.describe(`bulk triage (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1440, height: 900 } });

    test('assign several tickets and set their impact and urgency in one action', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'all');
      await expect(rows(page).nth(4)).toBeVisible();
      const ids = await rows(page).evaluateAll((els) =>
        els.slice(0, 3).map((e) => e.getAttribute('data-ticket-id')!),
      );

      // Tick two with the mouse and the third from the keyboard (j j x).
      await rowOf(page, ids[0]!).getByRole('checkbox').check();
      await rowOf(page, ids[1]!).getByRole('checkbox').check();
      await page.getByTestId('ticket-grid').focus();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      const bar = page.getByTestId('bulk-bar');
      await expect(bar).toContainText(t.selected(3));
      await keepScreenshot(page, testInfo, `bulk-bar-${lang}`);

      await bar.getByLabel(t.assign).selectOption({ label: 'Lucía Fernández' });
      const result = page.getByRole('dialog', { name: t.result });
      await expect(result).toContainText(t.applied(3));
      await result.getByRole('button', { name: t.close }).last().click();
      for (const id of ids)
        await expect(rowOf(page, id).locator('.cell-assignee')).toHaveText('Lucía Fernández');

      // The header box ticks what is on screen; clearing empties the selection.
      await page.getByRole('checkbox', { name: t.selectVisible }).check();
      await expect(bar).toContainText(t.selected(await rows(page).count()));
      await bar.getByRole('button', { name: t.clear }).click();
      await expect(bar).toBeHidden();

      // Impact and urgency for two: both become P1.
      await rowOf(page, ids[1]!).getByRole('checkbox').check();
      await rowOf(page, ids[2]!).getByRole('checkbox').check();
      await bar.getByRole('button', { name: t.classify }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(t.impact).selectOption('1');
      await dialog.getByLabel(t.urgency).selectOption('1');
      await dialog.getByRole('button', { name: t.apply }).click();
      await expect(page.getByRole('dialog', { name: t.result })).toContainText(t.applied(2));
      await page.keyboard.press('Escape');
      for (const id of [ids[1]!, ids[2]!])
        await expect(rowOf(page, id).locator('[data-priority]')).toHaveAttribute('data-priority', '1');
    });
  });
}
