import { createHash, randomUUID } from 'node:crypto';
import type { Request } from '@playwright/test';
import { Colleague } from './support/admin';
import { openQueue, rowOf, signInToConsole, ticketView, waitForSync } from './support/console';
import { expect, test } from './support/mesa-fixtures';
import { login } from './chaos/server-state';

/**
 * Text from requesters and colleagues is hostile until proven otherwise: XSS payloads in a
 * ticket's title, description, requester name, comments and attachment file names must
 * show as the literal characters typed, run nothing, and make the page call nowhere but
 * loopback. Every payload, if it ever ran, would set window.__xss or open a dialog.
 */
const PAYLOADS = {
  img: '<img src=x onerror="window.__xss=1;alert(1)">',
  script: '<script>window.__xss=2;alert(2)</script>',
  link: '[click me](javascript:window.__xss=3) <a href="javascript:window.__xss=3">link</a>',
  svg: '"><svg onload="window.__xss=4;alert(4)">',
  remote: '<img src="https://evil.test/pixel.png"><iframe src="https://evil.test/"></iframe>',
};
// File names cannot hold a slash (fileNameSchema), so no closing tags there.
const FILE_NAME = '"><img src=x onerror=window.__xss=5>.png';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });

test('XSS payloads in tickets, comments, requester names and file names render as text and run nothing', async ({
  page,
  host,
  backend,
}) => {
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __xss: unknown }).__xss = 0;
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
    if (!local) {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  const requests: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));

  // Seed through the backend API, as the portal or a colleague would.
  const agentLogin = await fetch(`${backend.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent@example.com', password: 'mesa-demo' }),
  });
  const agentId = ((await agentLogin.json()) as { agent: { id: string } }).agent.id;
  const admin = await Colleague.signIn(backend.url);
  const ticketId = randomUUID();
  expect(
    await admin.push('ticket.create', {
      ticketId,
      title: `${PAYLOADS.img} ${PAYLOADS.svg}`,
      description: Object.values(PAYLOADS).join('\n'),
      category: 'software',
      impact: 2,
      urgency: 2,
      requester: { name: PAYLOADS.script, email: 'hostile@example.com' },
    }),
  ).toMatchObject({ status: 'applied' });
  expect(await admin.push('ticket.assign', { ticketId, assigneeId: agentId })).toMatchObject({
    status: 'applied',
  });
  for (const body of Object.values(PAYLOADS))
    expect(await admin.reply(ticketId, body)).toMatchObject({ status: 'applied' });
  const bytes = Buffer.from('89504e470d0a1a0a', 'hex');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const token = await login(backend.url, 'admin@example.com', 'mesa-demo');
  const upload = await fetch(`${backend.url}/api/v1/attachments/${sha256}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
    body: bytes,
  });
  expect(upload.status).toBeLessThan(300);
  expect(
    await admin.push('attachment.add', {
      attachmentId: randomUUID(),
      ticketId,
      sha256,
      fileName: FILE_NAME,
      contentType: 'image/png',
      size: bytes.length,
    }),
  ).toMatchObject({ status: 'applied' });

  await page.goto(host.consoleUrl);
  await signInToConsole(page, 'en', backend.url);
  await waitForSync(page, 'en');
  await openQueue(page, 'en', 'mine');
  const row = rowOf(page, ticketId);
  await expect(row).toContainText(PAYLOADS.img);
  await row.click();
  const view = ticketView(page);
  await expect(view).toBeVisible();

  // Literal text, where the agent reads it.
  await expect(view).toContainText(PAYLOADS.svg);
  await expect(view).toContainText(PAYLOADS.script);
  for (const body of Object.values(PAYLOADS))
    await expect(view.getByTestId('comment').filter({ hasText: body })).toHaveCount(1);
  await expect(view).toContainText(FILE_NAME);

  // Nothing became markup, and nothing ran.
  await expect(
    page.locator(
      'img[src="x"], img[onerror], svg[onload], script:not([src]):not([type="module"]), iframe, a[href^="javascript:"]',
    ),
  ).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss: unknown }).__xss)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  expect(
    requests.filter((u) => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]|^(data|blob):/.test(u)),
  ).toEqual([]);
});
