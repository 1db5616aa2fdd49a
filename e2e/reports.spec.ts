import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { startBackendProcess } from '../backend/testing/backend-process';
import { FIXTURE_NOW } from '../shared/reports/sla-report.fixture';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  LOCALES,
  keepScreenshot,
  signInToConsole,
  ticketView,
  waitForSync,
  type Lang,
} from './support/console';
import { expect, test as base } from './support/mesa-fixtures';
import { seedReportFixture } from './support/report-fixture';

/**
 * A team lead opens Reports on the SLA fixture's tickets (shared/reports/*.fixture.ts) and
 * reads the hand-computed figures, in each language: SLA compliance counted apart, the
 * breaches (each opens its ticket), times, satisfaction with the requester's words as
 * text, a chart's numbers as a table and as CSV. The console's clock is the fixture's
 * `now` and its time zone UTC, so the custom period 1 Mar – 7 Apr is the fixture's.
 */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  backend: async ({}, use) => {
    const backend = await startBackendProcess({ seedDemo: true, demoTickets: 0 });
    await seedReportFixture(backend.dataDir);
    await use(backend);
    await backend.stop();
  },
});

const T = {
  es: {
    reports: 'Informes',
    period: 'Periodo',
    custom: 'Personalizado',
    from: 'Desde',
    to: 'Hasta',
    resolutionByTeam: 'Resolución por Equipo',
    times: 'Mediana y percentil 90, en horas',
    showTable: 'Ver como tabla',
    csv: 'Descargar CSV',
    created: 'Tickets creados en el periodo: 9',
    noTeam: 'Sin equipo',
    met: 'Cumplidos',
    team: 'Equipo',
    infraCreated: 'Tickets creados en el periodo: 2',
    backwards: 'La fecha inicial es posterior a la final: cámbiala.',
  },
  en: {
    reports: 'Reports',
    period: 'Period',
    custom: 'Custom',
    from: 'From',
    to: 'To',
    resolutionByTeam: 'Resolution by Team',
    times: 'Median and 90th percentile, in hours',
    showTable: 'Show as table',
    csv: 'Download CSV',
    created: 'Tickets created in the period: 9',
    noTeam: 'No team',
    met: 'Met',
    team: 'Team',
    infraCreated: 'Tickets created in the period: 2',
    backwards: 'The start date is after the end date: change it.',
  },
} as const;

/** Numbers as each language writes them (Intl): the figures, not the format, are under test. */
const percent = (lang: Lang, share: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
const decimal = (lang: Lang, value: number) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);

const chartCard = (page: Page, title: string): Locator =>
  page.locator('.chart-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function openFixturePeriod(page: Page, lang: Lang): Promise<void> {
  const w = T[lang];
  await page.getByLabel(w.period).selectOption({ label: w.custom });
  await page.getByLabel(w.from, { exact: true }).fill('2026-03-01');
  await page.getByLabel(w.to, { exact: true }).fill('2026-04-07');
  await expect(page.getByText(w.created)).toBeVisible();
}

for (const lang of ['es', 'en'] as const) {
  test.describe(`service reports (${lang})`, () => {
    test.use({ locale: LOCALES[lang], timezoneId: 'UTC', viewport: { width: 1440, height: 900 } });

    test('the fixture figures, the breaches, a table view and a CSV', async ({
      consolePage: page,
      backend,
    }, testInfo) => {
      await page.clock.setFixedTime(new Date(FIXTURE_NOW));
      await signInToConsole(page, lang, backend.url);
      await waitForSync(page, lang);
      const w = T[lang];

      if (lang === 'es') await page.getByTestId('nav-reports').click();
      else
        await page
          .locator('body')
          .press('g')
          .then(() => page.locator('body').press('r'));
      await expect(page.getByRole('heading', { level: 1, name: w.reports })).toBeVisible();
      await openFixturePeriod(page, lang);

      // SLA: first response 6 met, 1 breached, 1 running (6/7); resolution 2, 3, 3 (2/5).
      const firstResponse = page.getByTestId('sla-firstResponse');
      await expect(firstResponse.locator('[data-figure="compliance"]')).toHaveText(percent(lang, 6 / 7));
      await expect(firstResponse.locator('[data-figure="met"] strong')).toHaveText('6');
      await expect(firstResponse.locator('[data-figure="breached"] strong')).toHaveText('1');
      await expect(firstResponse.locator('[data-figure="running"] strong')).toHaveText('1');
      const resolution = page.getByTestId('sla-resolution');
      await expect(resolution.locator('[data-figure="compliance"]')).toHaveText(percent(lang, 2 / 5));
      await expect(resolution.locator('[data-figure="met"] strong')).toHaveText('2');
      await expect(resolution.locator('[data-figure="breached"] strong')).toHaveText('3');
      await expect(resolution.locator('[data-figure="running"] strong')).toHaveText('3');

      // Satisfaction: 2 of 3 answered, average 3.5; the markup in a comment is shown as typed.
      const satisfaction = page.getByTestId('report-satisfaction');
      await expect(satisfaction.locator('[data-figure="average"]')).toHaveText(decimal(lang, 3.5));
      await expect(satisfaction.locator('[data-figure="share"]')).toHaveText(percent(lang, 2 / 3));
      await expect(page.getByTestId('report-comments').locator('blockquote').first()).toHaveText(
        'Took <b>three days</b> & a reminder',
      );
      await expect(page.getByTestId('report-comments').locator('b')).toHaveCount(0);

      // The chart's numbers as a table: resolution per team (met, breached, running).
      const byTeam = chartCard(page, w.resolutionByTeam);
      await byTeam.getByRole('button', { name: w.showTable }).click();
      const table = byTeam.getByRole('table');
      await expect(table.getByRole('row', { name: new RegExp(`^${w.noTeam}`) })).toHaveText(`${w.noTeam}000`);
      await expect(table.getByRole('row', { name: /^Service Desk/ })).toHaveText('Service Desk132');
      await expect(table.getByRole('row', { name: /^Infraestructura 24×7/ })).toHaveText(
        'Infraestructura 24×7101',
      );
      await expectNoSeriousA11yViolations(page, testInfo, `reports-${lang}`);
      await keepScreenshot(page, testInfo, `reports-${lang}`);

      // The times chart as CSV: hours with a dot, whatever the language.
      const times = chartCard(page, w.times);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        times.getByRole('button', { name: w.csv }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('response-resolution-times.csv');
      const csv = readFileSync((await download.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(csv.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual([
        '0.5,0.5',
        '2,19',
        '7,53',
        '48,69.5',
      ]);

      // A filter narrows every figure: Infra holds tickets 5 (moved there, met) and 6 (running).
      await page.getByLabel(w.team, { exact: true }).selectOption({ label: 'Infraestructura 24×7' });
      await expect(page.getByText(w.infraCreated)).toBeVisible();
      await expect(firstResponse.locator('[data-figure="met"] strong')).toHaveText('1');
      await expect(firstResponse.locator('[data-figure="running"] strong')).toHaveText('1');
      await expect(page.getByTestId('report-breaches').getByRole('button')).toHaveCount(0);
      await page.getByLabel(w.team, { exact: true }).selectOption({ index: 0 });
      await expect(page.getByText(w.created)).toBeVisible();

      // A period that runs backwards says so, and the right one comes back.
      await page.getByLabel(w.from, { exact: true }).fill('2026-04-10');
      await expect(page.getByRole('alert')).toHaveText(w.backwards);
      await page.getByLabel(w.from, { exact: true }).fill('2026-03-01');
      await expect(page.getByText(w.created)).toBeVisible();

      // Breaches, newest first; each opens its ticket.
      const breaches = page.getByTestId('report-breaches').getByRole('button');
      await expect(breaches).toHaveText([/^INC-9001/, /^INC-9004/, /^INC-9008/]);
      await breaches.first().click();
      await expect(ticketView(page)).toContainText('INC-9001');
    });
  });
}
