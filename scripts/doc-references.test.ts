// The repository explains itself: its references lead to files inside it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && existsSync(join(root, file)));

/**
 * Names of working notes that were never part of the repository. They are spelled in
 * pieces so that this guard is not itself one of the references it looks for.
 */
const NOTES = ['CONTRACT', 'DESIGN', 'MACHINE', 'STYLE'];
const OUTSIDE_REFERENCE = new RegExp(
  [
    String.raw`\b(?:${NOTES.join('|')})\.md\b`,
    String.raw`\b${NOTES[0]}\s*§`,
    String.raw`\b${NOTES[1]}:`,
    String.raw`\.\./shared/(?:${NOTES.join('|')}|experiments|hooks)\b`,
  ].join('|'),
);

function textOf(file: string): string | null {
  const buffer = readFileSync(join(root, file));
  return buffer.subarray(0, 8000).includes(0) ? null : buffer.toString('utf8');
}

/** Relative Markdown link targets (no scheme, no bare anchor), without their #fragment. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    links.push(target.split('#')[0]!);
  }
  return links;
}

describe('references in the repository', () => {
  it('no tracked file points at design notes kept outside the repository', () => {
    const offenders = tracked.flatMap((file) =>
      (textOf(file) ?? '')
        .split('\n')
        .flatMap((line, index) =>
          OUTSIDE_REFERENCE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('every relative link in a Markdown document leads to a file that exists', () => {
    const broken = tracked
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) =>
        relativeLinks(textOf(file) ?? '')
          .filter((target) => !existsSync(join(root, posix.dirname(file), target)))
          .map((target) => `${file} → ${target}`),
      );
    expect(broken).toEqual([]);
  });
});
