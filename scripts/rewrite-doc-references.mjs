#!/usr/bin/env node
// Points references to design notes that were never part of this repository (CONTRACT.md,
// DESIGN.md, MACHINE.md, STYLE.md, ../shared/…) at the documents that are: docs/ and
// ARCHITECTURE.md. Run from anywhere inside the repository:
//
//   node scripts/rewrite-doc-references.mjs           rewrite the tracked files, list each change
//   node scripts/rewrite-doc-references.mjs --check   list what would change, exit 1 if anything would
//
// Idempotent: what it writes never matches what it looks for, so a second run changes nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NOTE = String.raw`(?:(?:\.\./)+shared/)?`;

/**
 * Ordered: the first rule whose pattern matches at a position wins there. `to` is a path
 * from the repository root, or a function of the referring file's path for the notes
 * whose right home depends on who cites them.
 */
export const RULES = [
  { pattern: String.raw`${NOTE}\bCONTRACT(?:\.md)?\s*§\s*1`, to: 'docs/domain-rules.md' },
  {
    pattern: String.raw`${NOTE}\bCONTRACT(?:\.md)?\s*§\s*2`,
    // The wire shapes in shared/ are the sync protocol's; everyone else cites the HTTP surface.
    to: (file) => (/^shared\/(sync|entities)\//.test(file) ? 'docs/sync-protocol.md' : 'docs/http-api.md'),
  },
  { pattern: String.raw`${NOTE}\bCONTRACT(?:\.md)?\s*§\s*3`, to: 'docs/benchmarks.md' },
  { pattern: String.raw`${NOTE}\bCONTRACT\.md`, to: 'docs/README.md' },
  { pattern: String.raw`${NOTE}\bDESIGN(?:\.md\b|(?=:))`, to: 'ARCHITECTURE.md' },
  {
    pattern: String.raw`${NOTE}\bMACHINE\.md`,
    // Test-machine set-up (PostgreSQL clusters, Chromium) is in the conventions' Tests
    // section; everything else MACHINE.md held is the IndexedDB cost table.
    to: (file) => (/^(backend|e2e|scripts)\//.test(file) ? 'docs/conventions.md' : 'docs/sync-protocol.md'),
  },
  { pattern: String.raw`${NOTE}\bSTYLE\.md`, to: 'docs/conventions.md' },
  { pattern: String.raw`\.\./shared/experiments/[\w./-]*`, to: 'docs/sync-protocol.md' },
];

/** What still points outside the repository after a rewrite; the reference test uses it too. */
export const OUTSIDE_REFERENCE = new RegExp(
  String.raw`\b(?:CONTRACT|DESIGN|MACHINE|STYLE)\.md\b|\bCONTRACT\s*§|\bDESIGN:|\.\./shared/(?:CONTRACT|DESIGN|MACHINE|STYLE|experiments|hooks)\b`,
);

/** The files this script owns or that document the notes by name. */
export const EXEMPT = new Set(['scripts/rewrite-doc-references.mjs', 'scripts/doc-references.test.ts']);

const combined = new RegExp(RULES.map((rule) => `(${rule.pattern})`).join('|'), 'g');

/**
 * The text with every outside reference rewritten, and one entry per change. In Markdown a
 * reference becomes a link relative to the file; elsewhere a path from the repository root,
 * the way the code's comments name files.
 */
export function rewriteReferences(file, text) {
  const changes = [];
  const rewritten = text.replace(combined, (match, ...groups) => {
    const offset = groups[RULES.length];
    const rule = RULES[groups.findIndex((group, index) => index < RULES.length && group !== undefined)];
    const target = typeof rule.to === 'function' ? rule.to(file) : rule.to;
    const replacement = file.endsWith('.md') ? markdownLink(file, target) : target;
    const line = text.slice(0, offset).split('\n').length;
    changes.push({ line, from: match, to: replacement });
    return replacement;
  });
  return { text: rewritten, changes };
}

function markdownLink(file, target) {
  const relative = posix.relative(posix.dirname(file), target);
  return `[${target}](${relative})`;
}

function trackedFiles(root) {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((file) => file && !EXEMPT.has(file) && !file.startsWith('docs/'));
}

function isText(buffer) {
  return !buffer.subarray(0, 8000).includes(0);
}

function main(argv) {
  const check = argv.includes('--check');
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    encoding: 'utf8',
  }).trim();
  let files = 0;
  let references = 0;
  for (const file of trackedFiles(root)) {
    const path = join(root, file);
    const buffer = readFileSync(path);
    if (!isText(buffer)) continue;
    const { text, changes } = rewriteReferences(file, buffer.toString('utf8'));
    if (changes.length === 0) continue;
    files += 1;
    references += changes.length;
    for (const change of changes) console.log(`${file}:${change.line}: ${change.from} → ${change.to}`);
    if (!check) writeFileSync(path, text);
  }
  const verb = check ? 'would rewrite' : 'rewrote';
  console.log(`${verb} ${references} reference(s) in ${files} file(s)`);
  if (check && references > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
