import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { Colleague } from './support/admin';
import { expect, test } from './support/mesa-fixtures';

/**
 * The requester's pages (the portal and the feedback link) are served by the backend
 * under a CSP that allows their one stylesheet by hash. Chromium must apply that
 * stylesheet and report no violation, in Spanish and in English.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) logged.push(message.text());
  });
  // Init scripts run over CDP, outside the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
  ];
}

/** The page's own stylesheet is in force: its body and button look the way it says. */
async function expectStyled(page: Page): Promise<void> {
  const body = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, maxWidth: style.maxWidth };
  });
  expect(body).toEqual({ background: 'rgb(247, 248, 250)', maxWidth: '672px' });
  await expect(page.getByRole('button')).toHaveCSS('background-color', 'rgb(36, 86, 197)');
}

/** A ticket resolved at once (new → resolved needs no assignee), and the feedback link from the mail it queued. */
async function feedbackLink(backendUrl: string, dataDir: string): Promise<string> {
  const ana = await Colleague.signIn(backendUrl);
  const ticketId = randomUUID();
  const requester = { name: 'Carmen García', email: 'carmen@example.org' };
  await ana.push('ticket.create', {
    ticketId,
    title: 'La impresora no imprime',
    description: 'Desde ayer.',
    category: 'printing',
    impact: 3,
    urgency: 2,
    requester,
  });
  const resolved = await ana.push('ticket.transition', {
    ticketId,
    to: 'resolved',
    resolutionNote: 'Cambiado el tóner',
  });
  expect(resolved.status).toBe('applied');
  const db = new Database(join(dataDir, 'mesa.sqlite'), { readonly: true });
  try {
    // The ticket's mails: the acknowledgement, then the resolution with its feedback link.
    const mail = db
      .prepare("select body from outbound_email where ticket_id = ? and body like '%/feedback/%'")
      .get(ticketId) as { body: string } | undefined;
    const link = /\/feedback\/\S+/.exec(mail?.body ?? '')?.[0];
    expect(link, 'the feedback mail has a link').toBeDefined();
    return new URL(link ?? '', backendUrl).href;
  } finally {
    db.close();
  }
}

for (const lang of ['es', 'en'] as const) {
  test(`the portal and the feedback page are styled under their CSP (${lang})`, async ({ page, backend }) => {
    const violations = await watchCsp(page);

    await page.goto(`${backend.url}/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectStyled(page);

    await page.goto(`${await feedbackLink(backend.url, backend.dataDir)}?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      lang === 'es' ? '¿Qué tal lo hicimos?' : 'How did we do?',
    );
    await expectStyled(page);

    expect(await violations()).toEqual([]);
  });
}
