/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), and user-supplied strings may carry
 * it. Columns that store raw user text go through this; JSON columns need not, since
 * JSON.stringify escapes it.
 */
export const storableText = (value: string): string => value.replaceAll('\u0000', '\uFFFD');
