/** One rewrite rule: a pattern (regular-expression source) and the repository path it points at. */
export interface ReferenceRule {
  pattern: string;
  to: string | ((file: string) => string);
}
export const RULES: ReferenceRule[];
/** Matches a reference to a note outside the repository. */
export const OUTSIDE_REFERENCE: RegExp;
/** Files that name the outside notes on purpose (this script and its test). */
export const EXEMPT: Set<string>;
/** `file` is a path from the repository root; it decides Markdown links and per-folder targets. */
export function rewriteReferences(
  file: string,
  text: string,
): { text: string; changes: Array<{ line: number; from: string; to: string }> };
