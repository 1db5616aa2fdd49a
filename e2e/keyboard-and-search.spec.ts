import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Colleague } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  WORDS,
  grid,
  keepScreenshot,
  openQueue,
  rowOf,
  rows,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test } from './support/mesa-fixtures';

/**
 * The keyboard works like the help says, and search works from anywhere, in each language:
 * Esc leaves the reply box before it leaves the ticket; "/" then searches; typing a search
 * with a ticket open shows the results, each with the matched words marked; "Start work"
 * on an unassigned ticket takes it; the palette does what the ticket's controls do.
 */
const T = {
  es: {
    startWork: 'Empezar a trabajar',
    inProgress: 'En curso',
    assignAna: /Asignar a Ana Administradora/,
    internalNote: /Escribir una nota interna/,
    resolve: /Resolver…/,
    resolveTitle: /^Resolver INC-\d+$/,
    next: /Siguiente ticket de la cola/,
    previous: /Ticket anterior de la cola/,
    internal: 'Interna',
    palette: 'Paleta de comandos',
  },
  en: {
    startWork: 'Start work',
    inProgress: 'In progress',
    assignAna: /Assign to Ana Administradora/,
    internalNote: /Write an internal note/,
    resolve: /Resolve…/,
    resolveTitle: /^Resolve INC-\d+$/,
    next: /Next ticket in the queue/,
    previous: /Previous ticket in the queue/,
    internal: 'Internal',
    palette: 'Command palette',
  },
} as const;

/** A word no demo ticket has, in the description only: a match there needs the snippet to show why. */
const WORD = 'zumbido';

async function palette(page: Page, lang: Lang, text: string, option: RegExp): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: T[lang].palette });
  await expect(dialog).toBeVisible();
  await page.keyboard.type(text);
  await dialog.getByRole('option', { name: option }).click();
  await expect(dialog).toBeHidden();
}

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];
  const t = T[lang];

  test.describe(`keyboard and search (${lang})`, () => {
    test.use({ locale: LOCALES[lang], viewport: { width: 1366, height: 768 } });

    test('Esc, search from a ticket with snippets, Start work and the palette', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      // A colleague logs a phone call whose only trace of the word is in its description.
      const ana = await Colleague.signIn(backend.url);
      const ticketId = randomUUID();
      const created = await ana.push('ticket.create', {
        ticketId,
        title: lang === 'es' ? 'El portátil hace ruido' : 'The laptop makes a noise',
        description: `${lang === 'es' ? 'Desde ayer se oye un' : 'Since yesterday there is a'} ${WORD} <b>fuerte</b> ${lang === 'es' ? 'al encenderlo.' : 'when it starts.'}`,
        category: 'hardware',
        impact: 3,
        urgency: 3,
        requester: { name: 'Eva Ruiz', email: 'eva.ruiz@example.com' },
      });
      expect(created.status).toBe('applied');

      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      await openQueue(page, lang, 'unassigned');
      await rowOf(page, ticketId).click();
      const view = ticketView(page);
      const reply = view.getByRole('textbox', { name: w.reply });
      const search = page.getByRole('searchbox', { name: w.search });

      // First Esc leaves the reply box, the next goes back to the queue; the draft stays.
      await reply.fill('Hola');
      await reply.press('Escape');
      await expect(reply).not.toBeFocused();
      await expect(view).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(view).toBeHidden();
      await expect(grid(page)).toBeVisible();

      // From the reply box: Esc, then "/vpn"-style typing searches instead of writing.
      await rowOf(page, ticketId).click();
      await expect(reply).toHaveValue('Hola');
      await reply.focus();
      await page.keyboard.press('Escape');
      await page.keyboard.type(`/${WORD}`);
      await expect(search).toHaveValue(WORD);
      const result = rowOf(page, ticketId);
      await expect(result.locator('mark')).toHaveText([WORD]);
      await expect(result.getByTestId('search-snippet')).toContainText(`${WORD} <b>fuerte</b>`);
      await keepScreenshot(page, testInfo, `search-snippet-${lang}`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousA11yViolations(page, testInfo, `search-snippet-${lang}-${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await search.press('Escape');

      // Typing in the search box with a ticket open shows the results at once.
      await rowOf(page, ticketId).click();
      await expect(reply).toHaveValue('Hola');
      await search.click();
      await search.fill(WORD);
      await expect(view).toBeHidden();
      await expect(rowOf(page, ticketId).locator('mark')).toHaveText([WORD]);

      // "Start work" on the unassigned ticket takes it and starts it, in one step.
      await rowOf(page, ticketId).click();
      await view.getByRole('button', { name: t.startWork }).click();
      await expect(view.locator('.ticket-badges [data-status]')).toHaveText(t.inProgress);
      await expect(view.getByTestId('assignee-name')).toHaveText('Alex Agent');
      await expect(view.getByRole('alert')).toHaveCount(0);

      // The palette: assign to anyone by name, switch the reply to internal, resolve.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await palette(page, lang, 'ana', t.assignAna);
      await expect(view.getByTestId('assignee-name')).toHaveText('Ana Administradora');
      await palette(page, lang, lang === 'es' ? 'nota interna' : 'internal note', t.internalNote);
      await expect(view.getByRole('radio', { name: t.internal })).toBeChecked();
      await expect(reply).toBeFocused();
      await reply.press('Escape');
      await palette(page, lang, lang === 'es' ? 'resolver' : 'resolve', t.resolve);
      const resolve = page.getByRole('dialog', { name: t.resolveTitle });
      await expect(resolve).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(resolve).toBeHidden();

      // Next and previous ticket of the queue, without going back to it.
      await page.keyboard.press('Escape');
      await search.press('Escape');
      await openQueue(page, lang, 'all');
      const [first, second] = await rows(page).evaluateAll((els) =>
        els.slice(0, 2).map((e) => e.getAttribute('data-ticket-id')!),
      );
      await rowOf(page, first!).click();
      await expect(view).toHaveAttribute('data-ticket-id', first!);
      await palette(page, lang, lang === 'es' ? 'siguiente' : 'next ticket', t.next);
      await expect(view).toHaveAttribute('data-ticket-id', second!);
      await palette(page, lang, lang === 'es' ? 'anterior' : 'previous ticket', t.previous);
      await expect(view).toHaveAttribute('data-ticket-id', first!);
    });
  });
}
