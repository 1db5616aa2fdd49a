import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

/**
 * Who made a long animation frame: the Long Animation Frames API names each script that
 * ran in it (what invoked it, the function's place in its file), without a trace's
 * overhead, so it can watch the very presses being timed. The places are in the built
 * bundle; its source map turns them into our files.
 */

/** One `long-animation-frame` entry, as a page script copies it out. */
export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  scripts: Array<{
    invoker: string;
    sourceURL: string;
    sourceFunctionName: string;
    sourceCharPosition: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }>;
}

/** Starts keeping the page's long animation frames in `__mesaLongFrames` (idempotent); false where the API is missing. */
export const observeLongFrames = `(() => {
  if (globalThis.__mesaLongFrames) return true;
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return false;
  const kept = [];
  globalThis.__mesaLongFrames = kept;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      kept.push({ startTime: e.startTime, duration: e.duration, blockingDuration: e.blockingDuration,
        scripts: e.scripts.map((s) => ({ invoker: s.invoker, sourceURL: s.sourceURL, sourceFunctionName: s.sourceFunctionName,
          sourceCharPosition: s.sourceCharPosition, duration: s.duration, forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration })) });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  return true;
})()`;

/** The frames kept so far, and empties the list. */
export const takeLongFrames = 'globalThis.__mesaLongFrames.splice(0)';

/** Maps a place in a file of the built renderer (`dir`) to our source file and line. */
export function bundlePlaces(dir: string): (url: string, charPosition: number) => string {
  const files = new Map<string, { text: string; map: SourceMap } | null>();
  const load = (name: string) => {
    if (!files.has(name)) {
      try {
        const text = readFileSync(join(dir, 'assets', name), 'utf8');
        const map = new SourceMap(JSON.parse(readFileSync(join(dir, 'assets', `${name}.map`), 'utf8')));
        files.set(name, { text, map });
      } catch {
        files.set(name, null);
      }
    }
    return files.get(name);
  };
  return (url, charPosition) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const file = load(name);
    if (!file || charPosition < 0) return name || '(no script)';
    const before = file.text.slice(0, charPosition);
    const line = before.split('\n').length - 1;
    const column = charPosition - (before.lastIndexOf('\n') + 1);
    const entry = file.map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource) return name;
    const source = entry.originalSource.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
    return `${source}:${entry.originalLine! + 1}`;
  };
}

/** "frame ms (blocking ms): script ms invoker at place; …", the scripts largest first. */
export function formatLongFrame(
  frame: LongFrame,
  place: (url: string, charPosition: number) => string,
): string {
  const scripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .map((s) => {
      const layout = s.forcedStyleAndLayoutDuration
        ? `, ${s.forcedStyleAndLayoutDuration.toFixed(0)} forced layout`
        : '';
      return `${s.duration.toFixed(0)} ${s.invoker} at ${place(s.sourceURL, s.sourceCharPosition)}${layout}`;
    });
  const rest = frame.duration - frame.scripts.reduce((sum, s) => sum + s.duration, 0);
  return `${frame.duration.toFixed(0)} ms (blocking ${frame.blockingDuration.toFixed(0)}): ${[...scripts, `${rest.toFixed(0)} outside scripts (rendering, GC)`].join('; ')}`;
}
