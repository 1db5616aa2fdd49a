import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([a-z]+)[^}]*\}\}/gi)].map((m) => m[1]).sort();

describe('translations', () => {
  const spanish = leaves(es as unknown as Tree);
  const english = leaves(en as unknown as Tree);

  it('have the same keys in Spanish and English', () => {
    expect([...english.keys()].sort()).toEqual([...spanish.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of spanish)
      expect({ key, vars: placeholders(english.get(key) ?? '') }).toEqual({ key, vars: placeholders(text) });
  });

  it('are never blank', () => {
    for (const [key, text] of [...spanish, ...english])
      expect({ key, blank: text.trim() === '' }).toEqual({ key, blank: false });
  });
});
