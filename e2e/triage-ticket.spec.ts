import type { Page } from '@playwright/test';
import { Colleague } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  WORDS,
  keepScreenshot,
  openQueue,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';

/** The ticket view, in each language: what it shows, the status dialogs and their refusals, assignment, replies, macros and the stale-work guard. */
const T = {
  es: {
    startWork: 'Empezar a trabajar',
    pending: 'Poner en espera…',
    pendingTitle: /^Poner INC-\d+ en espera$/,
    pendingSubmit: 'Poner en espera',
    pendingRefusal: 'Para ponerlo en espera hace falta un motivo.',
    resolve: 'Resolver…',
    resolveSubmit: 'Resolver',
    resolveRefusal: 'Para resolverlo hace falta una nota de resolución.',
    reopen: 'Reabrir',
    reopenUntil: /Se puede reabrir hasta el/,
    status: { in_progress: 'En curso', pending: 'En espera', resolved: 'Resuelto', assigned: 'Asignado' },
    impact: 'Impacto',
    internal: 'Interna',
    macroPicker: 'Insertar respuesta predefinida',
    macroEffect: 'También cambia el estado a «En espera»',
    staleTitle: 'El ticket cambió mientras escribías',
    sendAnyway: 'Enviar de todos modos',
    titleField: 'el asunto',
    dueAt: /Vence el/,
    palette: 'Paleta de comandos',
    cancel: 'Cancelar ticket…',
    cancelSubmit: 'Cancelar ticket',
    cancelRefusal: 'Para cancelarlo hace falta un motivo.',
    cancelled: 'Cancelado',
    viewAttachment: 'Ver captura.png',
    attachmentViewer: 'Adjunto captura.png',
  },
  en: {
    startWork: 'Start work',
    pending: 'Set pending…',
    pendingTitle: /^Set INC-\d+ pending$/,
    pendingSubmit: 'Set pending',
    pendingRefusal: 'Setting it pending needs a reason.',
    resolve: 'Resolve…',
    resolveSubmit: 'Resolve',
    resolveRefusal: 'Resolving needs a resolution note.',
    reopen: 'Reopen',
    reopenUntil: /Can be reopened until/,
    status: { in_progress: 'In progress', pending: 'Pending', resolved: 'Resolved', assigned: 'Assigned' },
    impact: 'Impact',
    internal: 'Internal',
    macroPicker: 'Insert canned reply',
    macroEffect: 'Also sets the status to “Pending”',
    staleTitle: 'The ticket changed while you were writing',
    sendAnyway: 'Send anyway',
    titleField: 'the subject',
    dueAt: /Due /,
    palette: 'Command palette',
    cancel: 'Cancel ticket…',
    cancelSubmit: 'Cancel ticket',
    cancelRefusal: 'Cancelling needs a reason.',
    cancelled: 'Cancelled',
    viewAttachment: 'View captura.png',
    attachmentViewer: 'Attachment captura.png',
  },
} as const;

const statusBadge = (page: Page) => ticketView(page).locator('.ticket-badges [data-status]');

/** A 2×2 PNG, as a screenshot an agent would attach. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];
  const t = T[lang];

  test.describe(`ticket view (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1440, height: 1000 } });

    test('shows everything, moves through the lifecycle, explains refusals', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'mine');
      await rows(page).first().click();
      const view = ticketView(page);
      await expect(view).toBeVisible();

      // What the agent needs on one screen.
      await expect(view.locator('.requester-card a[href^="mailto:"]')).toBeVisible();
      await expect(view.locator('.description-text')).not.toBeEmpty();
      await expect(view.getByLabel(t.impact)).toBeVisible();
      await expect(view.getByRole('group', { name: w.changeStatus })).toBeVisible();
      await expect(view.getByTestId('assignee-suggestion').first()).toBeVisible();
      await expect(view.getByTestId('sla-clocks').locator('li[data-clock]')).toHaveCount(2);
      await expect(view.getByTestId('sla-clocks')).toContainText(t.dueAt);
      await expect(view.getByRole('textbox', { name: w.reply })).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousA11yViolations(page, testInfo, `ticket-${lang}-${scheme}`);
        await keepScreenshot(page, testInfo, `ticket-${lang}-${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // Impact drives the priority shown in the header.
      await view.getByLabel(t.impact).selectOption('1');
      await expect(view.locator('.ticket-badges [data-priority]')).toHaveAttribute(
        'data-priority',
        /^[123]$/,
      );

      // Start work, then pending: a blank reason is refused next to its field.
      await view.getByRole('button', { name: t.startWork }).click();
      await expect(statusBadge(page)).toHaveText(t.status.in_progress);
      await view.getByRole('button', { name: t.pending }).click();
      const pending = page.getByRole('dialog', { name: t.pendingTitle });
      await pending.getByRole('button', { name: t.pendingSubmit }).click();
      await expect(pending.getByRole('alert')).toHaveText(t.pendingRefusal);
      await pending
        .getByRole('textbox')
        .fill(
          lang === 'es'
            ? 'Esperando a que el usuario pruebe en casa'
            : 'Waiting for the user to try from home',
        );
      await pending.getByRole('button', { name: t.pendingSubmit }).click();
      await expect(pending).toBeHidden();
      await expect(statusBadge(page)).toHaveText(t.status.pending);

      // Resolve needs the note; then reopen is offered, with its deadline.
      await view.getByRole('button', { name: t.resolve }).click();
      const resolve = page
        .getByRole('dialog')
        .filter({ has: page.getByRole('button', { name: t.resolveSubmit, exact: true }) });
      await resolve.getByRole('button', { name: t.resolveSubmit, exact: true }).click();
      await expect(resolve.getByRole('alert')).toHaveText(t.resolveRefusal);
      await resolve
        .getByRole('textbox')
        .fill(lang === 'es' ? 'Se reconfiguró el perfil de red.' : 'The network profile was reconfigured.');
      await resolve.getByRole('button', { name: t.resolveSubmit, exact: true }).click();
      await expect(statusBadge(page)).toHaveText(t.status.resolved);
      await expect(view.getByText(t.reopenUntil)).toBeVisible();
      await view.getByRole('button', { name: t.reopen }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.reopen }).click();
      await expect(statusBadge(page)).toHaveText(t.status.in_progress);

      // A public reply and an internal note, visibly different in the timeline.
      const comments = view.getByTestId('comment');
      const before = await comments.count();
      await view
        .getByRole('textbox', { name: w.reply })
        .fill(lang === 'es' ? 'Hola, ya está en marcha.' : 'Hi, this is under way.');
      await view.getByRole('button', { name: w.sendReply }).click();
      await expect(comments).toHaveCount(before + 1);
      await view.getByText(t.internal, { exact: true }).click();
      await view
        .getByRole('textbox', { name: w.reply })
        .fill(lang === 'es' ? 'Revisar el switch de la planta 2.' : 'Check the floor 2 switch.');
      await view.locator('.reply-actions .btn-primary').click();
      await expect(comments).toHaveCount(before + 2);
      await expect(comments.last()).toHaveAttribute('data-visibility', 'internal');
      await expect(comments.nth(before)).toHaveAttribute('data-visibility', 'public');

      // A screenshot attached from the file picker: a thumbnail at once, full size in the viewer.
      await view
        .getByTestId('attach-file-input')
        .setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: PNG });
      const tile = view.getByRole('button', { name: t.viewAttachment });
      await expect(tile.locator('img')).toBeVisible();
      await tile.click();
      const viewer = page.getByRole('dialog', { name: t.attachmentViewer });
      await expect(viewer.getByRole('img', { name: 'captura.png' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(viewer).toBeHidden();
    });

    test('assign with a key, canned replies from the reply box and the palette', async ({
      consolePage: page,
      backend,
    }) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'unassigned');
      await rows(page).first().click();
      const view = ticketView(page);
      const number = (await view.locator('.ticket-number').textContent())!.trim();
      const requester = (await view.locator('.requester-name').textContent())!.trim();

      // `a` assigns the open ticket to me; a new ticket becomes assigned.
      await page.locator('body').press('a');
      await expect(view.getByTestId('assignee-name')).toHaveText('Alex Agent');
      await expect(statusBadge(page)).toHaveText(t.status.assigned);

      // A canned reply from the reply box: placeholders filled, its status change announced, applied on send.
      await view.getByLabel(t.macroPicker).selectOption({ label: 'Reinicio / Restart' });
      const reply = view.getByRole('textbox', { name: w.reply });
      await expect(reply).toBeFocused();
      await expect(reply).toHaveValue(new RegExp(`${requester}.*\\(${number}\\)`, 's'));
      await expect(view.getByText(t.macroEffect)).toBeVisible();
      await view.getByRole('button', { name: w.sendReply }).click();
      await expect(statusBadge(page)).toHaveText(t.status.pending);

      // From the palette: Ctrl+K, the macro's name, Enter.
      await page.locator('body').press('r');
      await expect(reply).toBeFocused();
      await reply.blur();
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: t.palette })).toBeVisible();
      await page.keyboard.type(lang === 'es' ? 'contraseña' : 'password');
      // Demo tickets about passwords match too; the macro is picked by its name, not by rank.
      await page
        .getByRole('dialog', { name: t.palette })
        .getByRole('option', { name: /Contraseña restablecida/ })
        .click();
      await expect(reply).toHaveValue(/restablecido|reset/);

      // Cancel needs a reason, refused beside the field when blank.
      await view.getByRole('button', { name: t.cancel }).click();
      const cancel = page
        .getByRole('dialog')
        .filter({ has: page.getByRole('button', { name: t.cancelSubmit, exact: true }) });
      await cancel.getByRole('button', { name: t.cancelSubmit, exact: true }).click();
      await expect(cancel.getByRole('alert')).toHaveText(t.cancelRefusal);
      await cancel
        .getByRole('textbox')
        .fill(lang === 'es' ? 'El usuario lo resolvió solo.' : 'The user solved it alone.');
      await cancel.getByRole('button', { name: t.cancelSubmit, exact: true }).click();
      await expect(statusBadge(page)).toHaveText(t.cancelled);
      await expect(reply).toBeDisabled();
    });

    test('warns before sending on a ticket that changed on the server', async ({
      consolePage: page,
      backend,
    }) => {
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'mine');
      await rows(page).first().click();
      const view = ticketView(page);
      const ticketId = (await view.getAttribute('data-ticket-id'))!;
      const comments = view.getByTestId('comment');
      const before = await comments.count();

      // Meanwhile, Ana renames the ticket and writes to the requester.
      const ana = await Colleague.signIn(backend.url);
      expect(
        (await ana.push('ticket.update', { ticketId, title: 'Atasco de papel en la planta 3' })).status,
      ).toBe('applied');
      expect((await ana.reply(ticketId, 'Te llamo en cinco minutos.')).status).toBe('applied');
      await expect(comments).toHaveCount(before + 1);

      await view
        .getByRole('textbox', { name: w.reply })
        .fill(lang === 'es' ? 'Ya lo reviso yo.' : "I'll look at it.");
      await view.getByRole('button', { name: w.sendReply }).click();
      const stale = page.getByRole('dialog', { name: t.staleTitle });
      await expect(stale).toBeVisible();
      await expect(stale.getByRole('rowheader', { name: t.titleField })).toBeVisible();
      await expect(stale).toContainText(lang === 'es' ? '1 comentario nuevo' : '1 new comment');
      await stale.getByRole('button', { name: t.sendAnyway }).click();
      await expect(comments).toHaveCount(before + 2);
    });
  });
}
