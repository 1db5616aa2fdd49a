import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from './mesa-fixtures';

/**
 * The triage console (renderer/features/), by role and label in the language under test,
 * so each spec reads as the agent's steps and checks the words the agent reads.
 */
export type Lang = 'es' | 'en';

export const LOCALES: Record<Lang, string> = { es: 'es-ES', en: 'en-US' };

/** The words a spec looks for, per language (a subset of renderer/i18n/resources). */
export const WORDS = {
  es: {
    serverUrl: 'Dirección del servidor',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    queues: {
      mine: 'Mis tickets',
      unassigned: 'Sin asignar',
      team: 'Mi equipo',
      breaching: 'A punto de incumplir',
      all: 'Todos los abiertos',
    },
    search: 'Buscar tickets',
    online: 'Conectado',
    offline: 'Sin conexión',
    allSynced: 'Todo sincronizado',
    neverSynced: 'Nunca sincronizado',
    newTicket: 'Nuevo ticket',
    backToQueue: 'Volver a la cola',
    reply: 'Respuesta',
    sendReply: 'Enviar respuesta',
    assignToMe: 'Asignarme',
    status: 'Estado',
    changeStatus: 'Cambiar estado',
  },
  en: {
    serverUrl: 'Server address',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    queues: {
      mine: 'My tickets',
      unassigned: 'Unassigned',
      team: 'My team',
      breaching: 'Breaching soon',
      all: 'All open',
    },
    search: 'Search tickets',
    online: 'Online',
    offline: 'Offline',
    allSynced: 'All synced',
    neverSynced: 'Never synced',
    newTicket: 'New ticket',
    backToQueue: 'Back to queue',
    reply: 'Reply',
    sendReply: 'Send reply',
    assignToMe: 'Assign to me',
    status: 'Status',
    changeStatus: 'Change status',
  },
} as const;

export async function signInToConsole(
  page: Page,
  lang: Lang,
  serverUrl: string,
  email = 'agent@example.com',
): Promise<void> {
  const w = WORDS[lang];
  const server = page.getByLabel(w.serverUrl);
  await expect(server).toBeVisible();
  await server.fill(serverUrl);
  await page.getByLabel(w.email, { exact: true }).fill(email);
  await page.getByLabel(w.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: w.signIn }).click();
  await expect(page.getByRole('navigation', { name: lang === 'es' ? 'Colas' : 'Queues' })).toBeVisible();
}

export const grid = (page: Page): Locator => page.getByTestId('ticket-grid');
export const rows = (page: Page): Locator => page.getByTestId('ticket-row');
export const rowOf = (page: Page, ticketId: string): Locator =>
  page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
export const ticketView = (page: Page): Locator => page.getByTestId('ticket-view');
export const connectivity = (page: Page): Locator => page.getByTestId('connectivity');
export const pendingCount = (page: Page): Locator => page.getByTestId('pending-count');

export async function openQueue(
  page: Page,
  lang: Lang,
  queue: keyof (typeof WORDS)['es']['queues'],
): Promise<void> {
  await page.locator(`[data-queue="${queue}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: WORDS[lang].queues[queue] })).toBeVisible();
  // The heading shows before the queue's rows are read from the cache (the grid shows
  // nothing until then): wait for its rows, or for its word that it has none.
  await expect(rows(page).first().or(page.locator('.grid-empty'))).toBeVisible();
}

/** Waits until the cache has every demo ticket the server had when the page signed in. */
export async function waitForSync(page: Page, lang: Lang): Promise<void> {
  // A pull has run to its end: just after sign-in the console is online and idle for a
  // moment before its first pull starts, and a test that went on then found an empty cache.
  await expect(page.getByTestId('last-sync')).not.toHaveText(WORDS[lang].neverSynced);
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online');
  await expect(connectivity(page)).toHaveText(WORDS[lang].online);
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
}

/** A full-page screenshot kept as a test artifact (attached to the report and saved in test-results/). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
