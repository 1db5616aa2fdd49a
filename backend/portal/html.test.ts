import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP, SafeHtml, html, page } from './html';

describe('html', () => {
  it('escapes every interpolated value, also inside attributes and lists', () => {
    const name = `"><img src=x onerror=alert('x')>&`;
    const out = html`<input value="${name}" />
      <ul>
        ${[name, 1].map((v) => html`<li>${v}</li>`)}
      </ul>`.value;
    const escaped = '&quot;&gt;&lt;img src=x onerror=alert(&#39;x&#39;)&gt;&amp;';
    expect(out).toContain(`<input value="${escaped}"`);
    expect(out).toContain(`<li>${escaped}</li>`);
    expect(out).toContain('<li>1</li>');
    expect(out).not.toContain('<img');
  });

  it('passes trusted markup and drops empty values', () => {
    expect(html`${new SafeHtml('<b>')}${null}${undefined}${false}`.value).toBe('<b>');
  });
});

describe('page', () => {
  it('serves the stylesheet the CSP allows, byte for byte', () => {
    const served = /<style>([\s\S]*?)<\/style>/.exec(page('es', 'Título', html`<p>x</p>`).value)?.[1];
    expect(served).toBeDefined();
    const hash = createHash('sha256')
      .update(served ?? '')
      .digest('base64');
    expect(PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
  });
});
