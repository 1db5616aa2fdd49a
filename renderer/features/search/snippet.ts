import { foldText } from '../../data/search-words';

/** A piece of text, and whether it is a word the search matched (shown marked). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * `text` cut into parts, each word marked when it starts with one of the query's folded
 * prefixes: the same rule the search index applies (search-words.ts), so what is marked is
 * what made the ticket match. Null when no word matches.
 */
export function markMatches(text: string, prefixes: readonly string[]): SnippetPart[] | null {
  const parts: SnippetPart[] = [];
  let at = 0;
  let hits = 0;
  for (const match of text.matchAll(WORD)) {
    const folded = foldText(match[0]);
    if (!prefixes.some((prefix) => folded.startsWith(prefix))) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index), hit: false });
    parts.push({ text: match[0], hit: true });
    at = match.index + match[0].length;
    hits += 1;
  }
  if (hits === 0) return null;
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/**
 * A one-line excerpt of `text` around its first matched word, cut at spaces, with an
 * ellipsis where it was cut; whitespace runs (a pasted log's line breaks) become one space.
 */
export function snippetOf(text: string, prefixes: readonly string[], width = 140): SnippetPart[] | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const marked = markMatches(flat, prefixes);
  if (!marked) return null;
  const firstHit = marked
    .slice(
      0,
      marked.findIndex((part) => part.hit),
    )
    .reduce((n, part) => n + part.text.length, 0);
  let start = Math.max(0, firstHit - Math.floor(width / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > firstHit ? flat.lastIndexOf(' ', end) : end;
  const parts = markMatches(flat.slice(start, end), prefixes) ?? [
    { text: flat.slice(start, end), hit: false },
  ];
  return [
    ...(start > 0 ? [{ text: '…', hit: false }] : []),
    ...parts,
    ...(end < flat.length ? [{ text: '…', hit: false }] : []),
  ];
}
