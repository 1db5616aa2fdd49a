import { randomUUID } from 'node:crypto';
import { startBackendProcess } from '../backend/testing/backend-process';
import { requireDovecotForTests, startDovecot, type DovecotServer } from '../backend/testing/dovecot-server';
import { rawMail } from '../backend/testing/mail-fixtures';
import { startSmtpReceiver, type SmtpReceiver } from '../backend/testing/smtp-receiver';
import { Colleague } from './support/admin';
import {
  LOCALES,
  WORDS,
  openQueue,
  rowOf,
  signInToConsole,
  ticketView,
  waitForSync,
} from './support/console';
import { expect, test as base } from './support/mesa-fixtures';

const AGENT_ID = '01900000-0000-7000-8000-000000000102';

/** The mail servers around the backend: a real SMTP receiver and a real Dovecot mailbox. */
const test = base.extend<{ mail: { smtp: SmtpReceiver; mailbox: DovecotServer } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  mail: async ({}, use) => {
    const [smtp, mailbox] = await Promise.all([startSmtpReceiver(), startDovecot()]);
    await use({ smtp, mailbox });
    await Promise.all([smtp.close(), mailbox.stop()]);
  },
  backend: async ({ mail }, use) => {
    const backend = await startBackendProcess({
      seedDemo: true,
      extraArgs: [
        '--smtp-url',
        mail.smtp.url,
        '--imap-url',
        mail.mailbox.url,
        '--mail-from',
        'Soporte <soporte@mesa.example>',
        '--mail-poll-seconds',
        '1',
      ],
    });
    await use(backend);
    await backend.stop();
  },
});

test.skip(!requireDovecotForTests(), 'Dovecot is not installed');
test.use({ locale: LOCALES.es, viewport: { width: 1440, height: 1000 } });

test('an agent replies in the console, the requester answers by mail, and the answer brings the pending ticket back', async ({
  consolePage: page,
  backend,
  mail,
}) => {
  const ana = await Colleague.signIn(backend.url);
  const ticketId = randomUUID();
  const requester = 'irene@example.org';
  await ana.push('ticket.create', {
    ticketId,
    title: 'No imprime la impresora de la 3.ª planta',
    description: 'Sale una hoja en blanco.',
    category: 'printing',
    impact: 2,
    urgency: 2,
    requester: { name: 'Irene Soto', email: requester },
  });
  await ana.push('ticket.assign', { ticketId, assigneeId: AGENT_ID });
  await ana.push('ticket.transition', { ticketId, to: 'in_progress' });

  await signInToConsole(page, 'es', backend.url);
  await waitForSync(page, 'es');
  await openQueue(page, 'es', 'mine');
  await rowOf(page, ticketId).click();
  const view = ticketView(page);

  // The agent asks in public and puts the ticket on hold.
  await view.getByRole('textbox', { name: WORDS.es.reply }).fill('¿Qué modelo de impresora es?');
  await view.getByRole('button', { name: WORDS.es.sendReply }).click();
  await expect(view.getByTestId('mail-delivery').last()).toHaveText(/Enviado por correo al solicitante/, {
    timeout: 30_000,
  });
  const asked = mail.smtp.received.find(
    (m) => m.to.includes(requester) && /Nueva respuesta/.test(m.parsed.subject ?? ''),
  );
  expect(asked?.parsed.subject).toMatch(/^\[INC-\d+\] Nueva respuesta a su solicitud: No imprime/);
  expect(asked?.parsed.text).toContain('¿Qué modelo de impresora es?');
  await ana.push('ticket.transition', { ticketId, to: 'pending', pendingReason: 'Falta el modelo' });
  const resolutionClock = view.getByTestId('sla-clocks').locator('li[data-clock="resolution"]');
  await expect(resolutionClock).not.toContainText('Vence el');

  // The requester answers from their mail program, in the thread.
  await mail.mailbox.deliver(
    rawMail({
      from: `Irene Soto <${requester}>`,
      subject: `Re: ${asked!.parsed.subject}`,
      inReplyTo: asked!.parsed.messageId,
      references: asked!.parsed.messageId,
      text: 'Es una Brother HL-L2350.\n\nEl lun, 7 dic 2026, Soporte escribió:\n> ¿Qué modelo de impresora es?',
    }),
  );
  const answer = view.getByTestId('comment').filter({ hasText: 'Es una Brother HL-L2350.' });
  await expect(answer).toContainText('Irene Soto · Solicitante · por correo', { timeout: 30_000 });
  await expect(answer).not.toContainText('¿Qué modelo de impresora es?');
  await expect(
    view.getByText('El solicitante respondió: el ticket pasó de En espera a En curso'),
  ).toBeVisible();
  await expect(view.locator('.ticket-badges [data-status]')).toHaveText('En curso');
  await expect(resolutionClock).toContainText('Vence el');
});
