import type { Page } from '@playwright/test';
import { Colleague } from './support/admin';
import {
  LOCALES,
  WORDS,
  connectivity,
  keepScreenshot,
  openQueue,
  pendingCount,
  rowOf,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/offline-fixtures';

/**
 * A triage session done entirely offline, then synced, in each language: a phone-in
 * ticket, bulk triage with a refusal per ticket, a key-press assignment and a reply, all
 * on a laptop with no network; meanwhile a colleague cancels one of those tickets at the
 * office. Back online, everything reaches the server except the change the server refuses,
 * which the Refused changes panel explains and links.
 */
const T = {
  es: {
    setStatus: 'Cambiar estado a…',
    pendingReason: 'Motivo de la espera',
    apply: 'Aplicar',
    bulkResult: 'Resultado de la acción en bloque',
    refusedNewToPending: 'Desde «Nuevo» no se puede pasar a «En espera».',
    applied2: 'Se aplicó a 2 tickets.',
    newTicket: {
      name: 'Nombre del solicitante',
      email: 'Correo del solicitante',
      subject: 'Asunto',
      description: 'Descripción',
      submit: 'Crear ticket',
    },
    newNumber: 'Nuevo',
    queued: '1 respuesta escrita sin conexión espera para enviarse.',
    afterDue: 'el SLA de primera respuesta se incumplirá',
    refusedButton: '1 cambio rechazado',
    refusedTitle: 'Cambios rechazados',
    refusedReason: 'El ticket está cerrado o cancelado y ya no admite cambios.',
    assignKind: 'Asignar',
    dismiss: 'Descartar',
    noRefused: 'No hay cambios rechazados.',
    cancelled: 'Cancelado',
  },
  en: {
    setStatus: 'Change status to…',
    pendingReason: 'Pending reason',
    apply: 'Apply',
    bulkResult: 'Bulk action result',
    refusedNewToPending: 'A ticket that is “New” cannot move to “Pending”.',
    applied2: 'Applied to 2 tickets.',
    newTicket: {
      name: 'Requester name',
      email: 'Requester email',
      subject: 'Subject',
      description: 'Description',
      submit: 'Create ticket',
    },
    newNumber: 'New',
    queued: '1 reply written offline is waiting to be sent.',
    afterDue: 'the first response SLA will be breached',
    refusedButton: '1 refused change',
    refusedTitle: 'Refused changes',
    refusedReason: 'The ticket is closed or cancelled and accepts no more changes.',
    assignKind: 'Assign',
    dismiss: 'Dismiss',
    noRefused: 'No refused changes.',
    cancelled: 'Cancelled',
  },
} as const;

const tick = (page: Page, ticketId: string) => rowOf(page, ticketId).getByRole('checkbox').check();

/** Opens the first of my tickets whose first-response clock still runs; returns its id. */
async function openTicketAwaitingFirstResponse(page: Page, lang: Lang): Promise<string> {
  await openQueue(page, lang, 'mine');
  await expect(rows(page).first()).toBeVisible();
  const ids = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')!));
  for (const id of ids) {
    await rowOf(page, id).click();
    const clock = ticketView(page).locator('[data-clock="firstResponse"] .sla-badge');
    await expect(clock).toBeVisible();
    if (await clock.evaluate((el) => el.classList.contains('sla-running'))) return id;
    await page.keyboard.press('Escape');
  }
  throw new Error('none of my tickets awaits its first response');
}

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];
  const t = T[lang];

  test.describe(`offline triage (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1440, height: 900 } });

    test('a whole triage session offline, then synced', async ({
      consolePage: page,
      backend,
      laptopNetwork,
    }, testInfo) => {
      await signInToConsole(page, lang, laptopNetwork.url);
      await waitForSync(page, lang);

      // The tickets this session will touch: the unassigned new one, and two in progress.
      await openQueue(page, lang, 'unassigned');
      const fresh = (await rows(page).first().getAttribute('data-ticket-id'))!;
      await openQueue(page, lang, 'all');
      await expect(rows(page).first()).toBeVisible();
      const working = await rows(page)
        .filter({ has: page.locator('[data-status="in_progress"]') })
        .evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-ticket-id')!));
      expect(working).toHaveLength(2);

      // The train leaves the station.
      laptopNetwork.setOffline(true);
      await expect(connectivity(page)).not.toHaveAttribute('data-state', 'online');
      await expect(connectivity(page)).not.toHaveText(w.online);

      // Meanwhile at the office, Ana cancels the unassigned ticket (a duplicate).
      const ana = await Colleague.signIn(backend.url);
      expect(
        (await ana.push('ticket.transition', { ticketId: fresh, to: 'cancelled', cancelReason: 'Duplicado' }))
          .status,
      ).toBe('applied');

      // Bulk triage: set the three to pending. The new one cannot go there, and says so.
      await tick(page, fresh);
      for (const id of working) await tick(page, id);
      await page.getByLabel(t.setStatus).selectOption('pending');
      const reason = page.getByRole('dialog');
      await reason
        .getByLabel(t.pendingReason)
        .fill(lang === 'es' ? 'Esperando al proveedor' : 'Waiting for the vendor');
      await reason.getByRole('button', { name: t.apply }).click();
      const result = page.getByRole('dialog', { name: t.bulkResult });
      await expect(result).toContainText(t.applied2);
      await expect(result.getByTestId('bulk-refused')).toContainText(t.refusedNewToPending);
      await keepScreenshot(page, testInfo, `bulk-result-offline-${lang}`);
      await result
        .getByRole('button', { name: lang === 'es' ? 'Cerrar' : 'Close' })
        .last()
        .click();
      for (const id of working) await expect(rowOf(page, id).getByTestId('not-synced')).toBeVisible();

      // `a` on the still-selected new ticket: assigned to me, locally.
      await page
        .getByRole('button', { name: lang === 'es' ? 'Quitar selección' : 'Clear selection' })
        .click();
      await openQueue(page, lang, 'unassigned');
      await rowOf(page, fresh).click();
      await page.locator('body').press('a');
      await expect(ticketView(page).getByTestId('assignee-name')).toHaveText('Alex Agent');
      await page.keyboard.press('Escape');

      // A reply written offline on my ticket that still awaits its first response: it waits
      // in the outbox, and the view says it will land after the first-response due time.
      const view = ticketView(page);
      const repliedId = await openTicketAwaitingFirstResponse(page, lang);
      await view
        .getByRole('textbox', { name: w.reply })
        .fill(
          lang === 'es'
            ? 'Le escribo desde el tren: mañana lo miro.'
            : 'Writing from the train: I will look tomorrow.',
        );
      await view.getByRole('button', { name: w.sendReply }).click();
      await expect(view.getByTestId('queued-replies')).toContainText(t.queued);
      await expect(view.getByTestId('queued-after-due')).toContainText(t.afterDue);
      await keepScreenshot(page, testInfo, `ticket-offline-reply-${lang}`);
      await page.keyboard.press('Escape');

      // A phone-in request, created offline: no number yet, marked as not synced.
      await page.getByTestId('new-ticket').click();
      const form = page.getByRole('dialog', { name: w.newTicket });
      await form.getByLabel(t.newTicket.name).fill('Carmen Ruiz');
      await form.getByLabel(t.newTicket.email).fill('carmen.ruiz@example.org');
      const subject =
        lang === 'es' ? 'No imprime la impresora de recepción' : 'Reception printer does not print';
      await form.getByLabel(t.newTicket.subject).fill(subject);
      await form
        .getByLabel(t.newTicket.description)
        .fill(lang === 'es' ? 'Llamada de teléfono: atasco de papel.' : 'Phone call: paper jam.');
      await form.getByRole('button', { name: t.newTicket.submit }).click();
      await expect(view).toBeVisible();
      await expect(view.locator('h1')).toHaveText(subject);
      await expect(view.locator('.ticket-number')).toContainText(t.newNumber);
      await expect(view.getByTestId('not-synced')).toBeVisible();
      const createdId = (await view.getAttribute('data-ticket-id'))!;
      await page.keyboard.press('Escape');

      // Everything waits in the outbox: 2 pending moves + the assignment + the reply + the new ticket.
      await expect(pendingCount(page)).toHaveAttribute('data-count', '5');
      await keepScreenshot(page, testInfo, `queue-offline-${lang}`);

      // Back in range: everything goes out; the server keeps all of it but the refused assignment.
      laptopNetwork.setOffline(false);
      await waitForSync(page, lang);
      const server = await ana.read();
      for (const id of working) expect(server.tickets.get(id)?.status).toBe('pending');
      expect(server.tickets.get(createdId)?.number).toMatch(/^INC-\d+$/);
      expect(server.tickets.get(createdId)?.channel).toBe('phone');
      const reply = [...server.comments.values()].find(
        (c) => c.ticketId === repliedId && c.authorName === 'Alex Agent',
      );
      expect(reply && reply.writtenAt < reply.createdAt).toBe(true);
      expect(server.tickets.get(fresh)?.status).toBe('cancelled');
      expect(server.tickets.get(fresh)?.assigneeId).toBeNull();

      // The refusal, explained and linked; dismissed once read.
      await page.getByTestId('refused-button').click();
      await expect(page.getByTestId('refused-button')).toHaveText(t.refusedButton);
      const panel = page.getByRole('dialog', { name: t.refusedTitle });
      const item = panel.getByTestId('refused-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText(t.assignKind);
      await expect(item).toContainText(t.refusedReason);
      await keepScreenshot(page, testInfo, `refused-${lang}`);
      await item.getByRole('button', { name: /INC-\d+/ }).click();
      await expect(ticketView(page).locator('.ticket-badges [data-status]')).toHaveText(t.cancelled);
      await page.getByTestId('refused-button').click();
      await panel.getByRole('button', { name: t.dismiss, exact: true }).click();
      await expect(panel).toContainText(t.noRefused);

      // The new ticket now has its number here too.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('/');
      await page.keyboard.type(lang === 'es' ? 'recepcion' : 'reception printer');
      await expect(rowOf(page, createdId).locator('.cell-number')).toHaveText(
        server.tickets.get(createdId)!.number!,
      );
    });
  });
}
