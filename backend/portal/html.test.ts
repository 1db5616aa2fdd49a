import { describe, expect, it } from 'vitest';
import { SafeHtml, html } from './html';

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
