// The repository explains itself: its references lead to files inside it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXEMPT, OUTSIDE_REFERENCE, RULES, rewriteReferences } from './rewrite-doc-references.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && existsSync(join(root, file)));

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
    const offenders = tracked
      .filter((file) => !EXEMPT.has(file))
      .flatMap((file) =>
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

  it('the rewrite points every kind of outside reference at a document of the repository', () => {
    const samples: Array<[file: string, text: string, expected: string]> = [
      [
        'shared/domain/sla-clock.ts',
        ' * SLA clocks (CONTRACT §1), evaluated',
        ' * SLA clocks (docs/domain-rules.md), evaluated',
      ],
      [
        'shared/index.ts',
        '// The domain module (CONTRACT.md §1) and',
        '// The domain module (docs/domain-rules.md) and',
      ],
      [
        'backend/cli.ts',
        '/** `npm run backend` (CONTRACT.md §2). */',
        '/** `npm run backend` (docs/http-api.md). */',
      ],
      [
        'shared/sync/wire.ts',
        '/** One numbered change (CONTRACT.md §2). */',
        '/** One numbered change (docs/sync-protocol.md). */',
      ],
      [
        'bench/bench-result.ts',
        'the two lines CONTRACT.md §3 wants',
        'the two lines docs/benchmarks.md wants',
      ],
      [
        'eslint.config.js',
        '// The architecture of DESIGN.md, enforced',
        '// The architecture of ARCHITECTURE.md, enforced',
      ],
      ['electron/core/x.ts', '(DESIGN: the page calls', '(ARCHITECTURE.md: the page calls'],
      [
        'renderer/data/queue-query.ts',
        'costs seconds (MACHINE.md).',
        'costs seconds (docs/sync-protocol.md).',
      ],
      [
        'backend/testing/postgres-cluster.ts',
        'the `postgres` user (MACHINE.md).',
        'the `postgres` user (docs/conventions.md).',
      ],
      [
        'electron/ipc-surface.test.ts',
        '// One table, three doors (STYLE.md):',
        '// One table, three doors (docs/conventions.md):',
      ],
      ['DESIGN-NOTES.txt', 'guards (see ../shared/CONTRACT.md)', 'guards (see docs/README.md)'],
      [
        'backend/README.md',
        'CONTRACT.md §2 is its fixed surface.',
        '[docs/http-api.md](../docs/http-api.md) is its fixed surface.',
      ],
      [
        'README.md',
        'per figure (CONTRACT.md §3), also',
        'per figure ([docs/benchmarks.md](docs/benchmarks.md)), also',
      ],
    ];
    for (const [file, text, expected] of samples) {
      const once = rewriteReferences(file, text);
      expect(once.text, file).toBe(expected);
      expect(once.changes, file).toHaveLength(1);
      expect(OUTSIDE_REFERENCE.test(once.text), file).toBe(false);
      expect(rewriteReferences(file, once.text).changes, `${file}, second run`).toEqual([]);
    }
  });

  it('leaves alone what only looks like a note: identifiers, the shared/ folder, plain words', () => {
    const text = [
      "import { LIMITS } from '../../shared/index';",
      'const STYLE_HASH = 1; const CONTRACT_VERSION = 2;',
      'The IPC contract and the design of the queue.',
    ].join('\n');
    expect(rewriteReferences('renderer/x.ts', text)).toEqual({ text, changes: [] });
  });

  it('every document the rewrite points at is in the repository', () => {
    const targets = RULES.flatMap((rule) =>
      typeof rule.to === 'string'
        ? [rule.to]
        : ['backend/x.ts', 'renderer/x.ts', 'shared/sync/x.ts'].map(rule.to),
    );
    expect(targets.filter((target) => !existsSync(join(root, target)))).toEqual([]);
  });
});
