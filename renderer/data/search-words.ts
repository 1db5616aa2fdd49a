import type { Ticket } from '../../shared/index';

/**
 * The words the local search knows a ticket by: its folded tokens, which the in-memory
 * word index holds (ticket-memory-index.ts, word-index.ts), and a search is a prefix
 * lookup there. Folding = NFD + drop combining marks + lowercase, so "Impresión" is found
 * by "impresion" and by "IMPRES".
 */

/** Tokens shorter than this (except numbers) are noise in an index and cost a row each. */
const MIN_TOKEN = 2;
/** A token longer than this is kept as its prefix: prefix search still finds it. */
const MAX_TOKEN = 40;
/**
 * Words per ticket. Each word is a posting in the in-memory index; a pasted 100 KB log
 * would otherwise add thousands per ticket to the index's memory and to its build after a
 * 100k-ticket bootstrap. Identifying fields come first, so they are always in; the long
 * texts fill what is left.
 */
export const MAX_WORDS_PER_TICKET = 256;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded tokens of a text, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of foldText(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    if (token.length < MIN_TOKEN && !/^\p{N}+$/u.test(token)) continue;
    tokens.push(token.slice(0, MAX_TOKEN));
  }
  return tokens;
}

/** Whole identifiers (INC-1042, ana.garcia@example.com) are words too, so pasting one finds it. */
function identifierWords(value: string | null | undefined): string[] {
  if (!value) return [];
  const folded = foldText(value.trim());
  return folded.length >= MIN_TOKEN ? [folded.slice(0, MAX_TOKEN)] : [];
}

type SearchableTicket = Pick<Ticket, 'number' | 'title' | 'description' | 'requester'>;

/** The `words` of a ticket: number, title, requester, then description and comment bodies. */
export function ticketWords(ticket: SearchableTicket, commentBodies: readonly string[] = []): string[] {
  const words = new Set<string>();
  const add = (tokens: Iterable<string>): void => {
    for (const token of tokens) {
      if (words.size >= MAX_WORDS_PER_TICKET) return;
      words.add(token);
    }
  };
  add(identifierWords(ticket.number));
  add(tokenize(ticket.number ?? ''));
  add(tokenize(ticket.title));
  add(tokenize(ticket.requester.name));
  add(identifierWords(ticket.requester.email));
  add(tokenize(ticket.requester.email));
  add(tokenize(ticket.description));
  for (const body of commentBodies) add(tokenize(body));
  return [...words];
}

/** A search box's text as distinct prefixes, longest first (the most selective one drives the index). */
export function queryPrefixes(query: string): string[] {
  return [...new Set(tokenize(query))].sort((a, b) => b.length - a.length);
}
