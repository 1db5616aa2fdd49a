import { LOCALES, WORDS, signInToConsole, type Lang } from './support/console';
import { DEMO_PASSWORD, expect, test } from './support/mesa-fixtures';

/**
 * The agent types the plain-http address of a server on another machine: the console says
 * https is required, in the agent's language, keeps what was typed, and still signs in to
 * the loopback server it was started against. (That nothing is sent is proved in
 * electron/core/console-core.server-transport.test.ts, where the requests are recorded.)
 */
const MESSAGE: Record<Lang, RegExp> = {
  es: /^Por seguridad, el servidor debe usar https:\/\/\./,
  en: /^For security, the server must use https:\/\/\./,
};

for (const lang of ['es', 'en'] as Lang[]) {
  const w = WORDS[lang];

  test.describe(`sign-in needs https off this computer (${lang})`, () => {
    test.use({ locale: LOCALES[lang] });

    test('a plain-http remote server is refused with the reason; loopback still signs in', async ({
      consolePage: page,
      backend,
    }) => {
      await page.getByLabel(w.serverUrl).fill('http://10.0.0.5:4000');
      await page.getByLabel(w.email, { exact: true }).fill('agent@example.com');
      await page.getByLabel(w.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: w.signIn }).click();
      await expect(page.getByTestId('connect-error')).toHaveText(MESSAGE[lang]);
      // What was typed stays, so the agent only has to fix the address.
      await expect(page.getByLabel(w.serverUrl)).toHaveValue('http://10.0.0.5:4000');
      await expect(page.getByLabel(w.email, { exact: true })).toHaveValue('agent@example.com');

      await signInToConsole(page, lang, backend.url);
    });
  });
}
