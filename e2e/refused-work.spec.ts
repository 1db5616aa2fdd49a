import { Colleague } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  WORDS,
  connectivity,
  keepScreenshot,
  openQueue,
  pendingCount,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/offline-fixtures';

/**
 * Refused work is never lost, in each language: a reply and a screenshot made offline on a
 * ticket that a colleague cancels meanwhile are refused when the laptop is back online. The
 * Refused changes panel shows the reply's words and the file (after a reload too), copies
 * the text, saves the file, asks before dismissing, and turns the reply into a new ticket.
 */
const T = {
  es: {
    refusedTitle: 'Cambios rechazados',
    yourReply: 'Tu respuesta',
    yourFile: 'Tu archivo',
    takesNoMore: 'El ticket ya no admite respuestas ni archivos',
    takesNoFiles: 'El ticket ya no admite archivos',
    copy: 'Copiar el texto',
    copied: 'Texto copiado.',
    saveFile: 'Guardar captura.png',
    dismiss: 'Descartar',
    confirm: 'Confirmar el descarte',
    keep: 'Conservarlo',
    newTicket: 'Convertir en ticket nuevo',
    form: {
      title: 'Nuevo ticket',
      subject: 'Asunto',
      description: 'Descripción',
      email: 'Correo del solicitante',
      submit: 'Crear ticket',
    },
    reply: 'La VPN vuelve a caerse: he cambiado el perfil <b>y sigue igual</b>.',
  },
  en: {
    refusedTitle: 'Refused changes',
    yourReply: 'Your reply',
    yourFile: 'Your file',
    takesNoMore: 'The ticket no longer takes replies or files',
    takesNoFiles: 'The ticket no longer takes files',
    copy: 'Copy text',
    copied: 'Text copied.',
    saveFile: 'Save captura.png',
    dismiss: 'Dismiss',
    confirm: 'Confirm dismissal',
    keep: 'Keep it',
    newTicket: 'Turn into a new ticket',
    form: {
      title: 'New ticket',
      subject: 'Subject',
      description: 'Description',
      email: 'Requester email',
      submit: 'Create ticket',
    },
    reply: 'The VPN drops again: I changed the profile <b>and nothing changed</b>.',
  },
} as const;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];
  const t = T[lang];

  test.describe(`refused work (${lang})`, () => {
    test.use({
      locale: LOCALES[lang],
      viewport: { width: 1366, height: 768 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });

    test('a reply and a file refused after going offline come back from the refused-changes panel', async ({
      consolePage: page,
      backend,
      laptopNetwork,
    }, testInfo) => {
      await signInToConsole(page, lang, laptopNetwork.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'mine');
      await rows(page).first().click();
      const view = ticketView(page);
      const ticketId = (await view.getAttribute('data-ticket-id'))!;
      const title = (await view.locator('h1').textContent())!.trim();

      // Offline on the train; meanwhile Ana cancels the ticket at the office.
      laptopNetwork.setOffline(true);
      await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
      const ana = await Colleague.signIn(backend.url);
      expect(
        (await ana.push('ticket.transition', { ticketId, to: 'cancelled', cancelReason: 'Duplicado' }))
          .status,
      ).toBe('applied');

      // The agent replies and attaches a screenshot, both queued.
      await view.getByRole('textbox', { name: w.reply }).fill(t.reply);
      await view.getByRole('button', { name: w.sendReply }).click();
      await view
        .getByTestId('attach-file-input')
        .setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: PNG });
      await expect(pendingCount(page)).toHaveAttribute('data-count', '2');

      // Back online: both refused, and the reply box is empty, yet nothing is lost.
      laptopNetwork.setOffline(false);
      await waitForSync(page, lang);
      await expect(page.getByTestId('refused-button')).toBeVisible();

      // The refusals and what they carried live in the cache: a reload keeps them.
      await page.reload();
      await page.getByTestId('refused-button').click();
      const panel = page.getByRole('dialog', { name: t.refusedTitle });
      const reply = panel.getByTestId('refused-item').filter({ hasText: t.yourReply });
      const file = panel.getByTestId('refused-item').filter({ hasText: t.yourFile });
      await expect(reply.getByTestId('refused-work')).toContainText(t.reply);
      await expect(reply).toContainText(t.takesNoMore);
      await expect(file).toContainText('captura.png');
      await expect(file).toContainText(t.takesNoFiles);
      await keepScreenshot(page, testInfo, `refused-work-${lang}`);
      await expectNoSeriousA11yViolations(page, testInfo, `refused-work-${lang}`);

      // Copy: the exact words, markup and all, as text.
      await reply.getByRole('button', { name: t.copy }).click();
      await expect(page.getByText(t.copied)).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(t.reply);

      // The file can be saved, byte for byte.
      const download = page.waitForEvent('download');
      await file.getByRole('link', { name: t.saveFile }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe('captura.png');
      const { readFile } = await import('node:fs/promises');
      expect(Buffer.compare(await readFile((await saved.path())!), PNG)).toBe(0);

      // Dismissing words asks first; keeping them keeps them.
      await reply.getByRole('button', { name: t.dismiss, exact: true }).click();
      const confirm = reply.getByRole('group', { name: t.confirm });
      await expect(confirm).toBeVisible();
      await confirm.getByRole('button', { name: t.keep }).click();
      await expect(reply.getByTestId('refused-work')).toContainText(t.reply);

      // The cancelled ticket takes no more replies: the words become a new ticket, same requester.
      await reply.getByRole('button', { name: t.newTicket }).click();
      const form = page.getByRole('dialog', { name: t.form.title });
      await expect(form.getByLabel(t.form.subject)).toHaveValue(title);
      await expect(form.getByLabel(t.form.description)).toHaveValue(t.reply);
      await expect(form.getByLabel(t.form.email)).not.toHaveValue('');
      await form.getByRole('button', { name: t.form.submit }).click();
      await expect(view).not.toHaveAttribute('data-ticket-id', ticketId);
      await expect(view.locator('h1')).toHaveText(title);
      await expect(view).toContainText(t.reply);
      const createdId = (await view.getAttribute('data-ticket-id'))!;

      // It reaches the server; the refusal it came from is gone, the file's is still there.
      await waitForSync(page, lang);
      expect((await ana.read()).tickets.get(createdId)?.description).toBe(t.reply);
      await page.getByTestId('refused-button').click();
      await expect(panel.getByTestId('refused-item')).toHaveCount(1);
      await expect(panel.getByTestId('refused-item')).toContainText('captura.png');
    });
  });
}
