import { expect, test } from './support/mesa-fixtures';

/**
 * The Content Security Policy the host sends (electron/core/security/content-security-policy.ts)
 * is enforced by Chromium on the real console: an inline script, eval and a script from
 * another origin are each blocked and reported as a securitypolicyviolation.
 */
test('CSP blocks inline script, eval and external scripts in the console', async ({ consolePage: page }) => {
  // A same-origin script (allowed by 'self') that tries eval: code evaluated over CDP is exempt from CSP, page code is not.
  const probe = new URL('/__csp-eval-probe.js', page.url()).href;
  await page.route(probe, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: 'try { (0, eval)("window.__ran = \\"eval\\""); window.__evalOutcome = "ran"; } catch (e) { window.__evalOutcome = e.name; }',
    }),
  );
  await page.route('https://evil.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__ran = "external"' }),
  );
  const csp = (await page.request.get(page.url())).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");

  const result = await page.evaluate(async (probeUrl) => {
    const w = window as unknown as { __ran?: string };
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const inline = document.createElement('script');
    inline.textContent = 'window.__ran = "inline"';
    document.head.append(inline);
    const probeScript = document.createElement('script');
    probeScript.src = probeUrl;
    await new Promise((resolve) => {
      probeScript.onload = resolve;
      probeScript.onerror = resolve;
      document.head.append(probeScript);
    });
    const evalBlocked = (window as unknown as { __evalOutcome?: string }).__evalOutcome === 'EvalError';
    const external = document.createElement('script');
    external.src = 'https://evil.test/x.js';
    const loaded = new Promise<string>((resolve) => {
      external.onload = () => resolve('loaded');
      external.onerror = () => resolve('blocked');
    });
    document.head.append(external);
    const externalOutcome = await loaded;
    await new Promise((r) => setTimeout(r, 200));
    return { ran: w.__ran ?? null, evalBlocked, externalOutcome, violations };
  }, probe);

  expect(result.ran).toBeNull();
  expect(result.evalBlocked).toBe(true);
  expect(result.externalOutcome).toBe('blocked');
  expect(result.violations).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^script-src-elem inline/),
      expect.stringMatching(/^script-src eval/),
      expect.stringMatching(/^script-src-elem https:\/\/evil\.test/),
    ]),
  );
});
