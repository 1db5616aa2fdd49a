import { describe, expect, it } from 'vitest';
import { queryPrefixes } from '../../data/search-words';
import { markMatches, snippetOf } from './snippet';

const marked = (parts: ReturnType<typeof markMatches>) =>
  parts?.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('') ?? null;

describe('search snippets', () => {
  it('marks every word the query’s words start, accents and case folded', () => {
    expect(
      marked(markMatches('La impresión de Recepción no imprime', queryPrefixes('IMPRES recepcion'))),
    ).toBe('La [impresión] de [Recepción] no imprime');
  });

  it('marks nothing and says so when no word matches', () => {
    expect(markMatches('Sin conexión a la VPN', queryPrefixes('impresora'))).toBeNull();
  });

  it('keeps markup as text: a snippet is never HTML', () => {
    expect(marked(markMatches('<img src=x onerror=alert(1)> vpn caída', queryPrefixes('vpn')))).toBe(
      '<img src=x onerror=alert(1)> [vpn] caída',
    );
  });

  it('cuts a long text around the first match, at spaces, on one line', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Desde ayer la VPN\nno conecta. ${'Consectetur adipiscing elit. '.repeat(20)}`;
    const snippet = marked(snippetOf(text, queryPrefixes('vpn'), 80))!;
    expect(snippet).toContain('la [VPN] no conecta.');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(80 + 4);
  });
});
