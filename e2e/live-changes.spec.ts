import { randomUUID } from 'node:crypto';
import { Colleague } from './support/admin';
import { LOCALES, openQueue, rowOf, signInToConsole, waitForSync } from './support/console';
import { expect, test } from './support/mesa-fixtures';

/**
 * A colleague's work shows up in an open console without a reload: the server's event
 * stream carries the new changes and the console applies them as the pull they stand for.
 * Two changes in a row check that each carried page follows the last.
 */
test.use({ locale: LOCALES.es });

test('tickets a colleague creates appear in the open queue, one after the other', async ({
  consolePage: page,
  backend,
}) => {
  await signInToConsole(page, 'es', backend.url);
  await waitForSync(page, 'es');
  await openQueue(page, 'es', 'unassigned');

  const ana = await Colleague.signIn(backend.url);
  for (const title of ['La VPN se corta cada hora', 'El escáner no envía a la carpeta']) {
    const ticketId = randomUUID();
    const created = await ana.push('ticket.create', {
      ticketId,
      title,
      description: 'Llamada de Eva: pasa desde esta mañana.',
      category: 'network',
      impact: 2,
      urgency: 2,
      requester: { name: 'Eva Ruiz', email: 'eva.ruiz@example.com' },
    });
    expect(created.status).toBe('applied');
    await expect(rowOf(page, ticketId)).toContainText(title);
  }
});
