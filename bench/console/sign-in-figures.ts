import { writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';
import { compared, r2, type BenchResult } from '../bench-result';
import { SNAPSHOT_STORE_MEASURE, SNAPSHOT_WAIT_MEASURE } from '../../renderer/sync/snapshot-measures';
import { selfTimes, type CpuProfile } from './cpu-profile-summary';
import { latestSeq } from './backend-client';
import { submitSignIn, type ConsoleRig } from './harness';
import { cachedTickets, syncProgress, type SyncProgress } from './page-scripts';
import { cacheSettledAt, firstSeen, firstSeenScript, QUEUE_ROW, type FirstSeen } from './screen-scripts';
import { rawPagesPut, type RawPages } from './start-baselines';

export interface SignInOptions {
  email: string;
  tickets: number;
  scale: string;
  budgetMs: number;
}

export interface SignInOutcome {
  results: BenchResult[];
  /** The screen said all cached within the budget. */
  complete: boolean;
  /** Tickets cached when the figures were taken (the snapshot's count while one is under way), or -1 with no cache. */
  cached: number;
}

/** The sync status must say "all cached" this long before it counts: a pause between pages is not the end. */
const SETTLED_FOR_MS = 2_000;
const POLL_MS = 250;
const STALL_MS = 60_000;

/**
 * Sign-in → open queue usable (the first queue row on screen) and sign-in → whole cache
 * (the sync status saying all cached), both read from the screen; the whole cache beside
 * its floor, the same pages fetched and stored as text rows (start-baselines.ts). The
 * page bundle must have been evaluated before the baseline runs (it is, by `run`).
 */
export async function signInFigures(
  rig: ConsoleRig,
  options: SignInOptions,
  evaluateBundle: () => Promise<void>,
): Promise<SignInOutcome> {
  const { page, network, backend } = rig;
  const target = await latestSeq(backend.url, options.email);
  await page.evaluate(firstSeenScript({ queueRow: QUEUE_ROW }));
  const profilePath = process.env.MESA_BENCH_SIGNIN_PROFILE;
  if (profilePath) await startProfile(rig.cdp);
  const started = Date.now();
  // Through the laptop's network (the proxy), so the outbox bench can take it offline.
  await submitSignIn(page, network.url, options.email);

  let usable: FirstSeen | null = null;
  let settledSince = 0;
  let allCachedAt = 0;
  let progress: SyncProgress = { cursor: -1, sent: -1, total: -1 };
  let lastMove = Date.now();
  let lastLog = Date.now();
  while (Date.now() - started <= options.budgetMs) {
    usable ??= (await page.evaluate(firstSeen('queueRow'))) as FirstSeen | null;
    const settled = (await page.evaluate(cacheSettledAt)) as number;
    settledSince = settled === 0 ? 0 : settledSince || settled;
    if (settledSince > 0 && Date.now() - settledSince >= SETTLED_FOR_MS) {
      allCachedAt = settledSince;
      break;
    }
    // The snapshot moves `sent` page by page while the pull cursor stays 0; then the pull moves the cursor.
    const now = (await page.evaluate(syncProgress)) as SyncProgress;
    if (now.cursor !== progress.cursor || now.sent !== progress.sent) lastMove = Date.now();
    progress = now;
    const begun = progress.cursor >= 0 || progress.sent >= 0;
    if (begun && Date.now() - lastMove > STALL_MS)
      throw new Error(`bootstrap stalled at ${describe(progress, target)}`);
    if (Date.now() - lastLog > 5_000) {
      lastLog = Date.now();
      console.error(
        `bench: bootstrap ${((Date.now() - started) / 1000).toFixed(0)} s: ${describe(progress, target)}${usable ? ', queue usable' : ''}`,
      );
      if (process.env.MESA_BENCH_DEBUG) await page.screenshot({ path: process.env.MESA_BENCH_DEBUG });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const complete = allCachedAt > 0;
  if (profilePath) await stopProfile(rig.cdp, profilePath);
  const split = (await page.evaluate(snapshotSplit)) as SnapshotSplit;
  console.error(
    `bench: snapshot: ${split.pages} pages; the console waited ${(split.waitMs / 1000).toFixed(2)} s for pages and stored them in ${(split.storeMs / 1000).toFixed(2)} s`,
  );
  // The screen's word stands only if every ticket is there (read from the pages after the clock stopped).
  const cached =
    !complete && progress.sent >= 0 ? progress.sent : ((await page.evaluate(cachedTickets)) as number);
  if (complete && cached < options.tickets)
    throw new Error(`the sync status says all cached, but only ${cached} of ${options.tickets} tickets are`);
  const totalS = ((complete ? allCachedAt : Date.now()) - started) / 1000;
  console.error(
    `bench: sign-in: queue usable after ${usable ? ((usable.wall - started) / 1000).toFixed(2) : '—'} s; ${complete ? `all cached after ${totalS.toFixed(2)} s` : `budget spent after ${totalS.toFixed(0)} s, NOT all cached`} (${cached} tickets cached)`,
  );

  const results: BenchResult[] = [];
  if (usable)
    results.push({
      name: `console.signin_to_queue_usable_${options.scale}`,
      value: r2((usable.wall - started) / 1000),
      unit: 's',
      n: 1,
    });
  await evaluateBundle();
  const raw = (await page.evaluate(rawPagesPut)) as RawPages;
  console.error(
    `bench: raw pages: ${raw.pages} pages, ${raw.changes} changes, ${(raw.bytes / 1e6).toFixed(1)} MB of JSON fetched and stored in ${(raw.ms / 1000).toFixed(2)} s, of which ${(raw.storeMs / 1000).toFixed(2)} s to stringify and store (the rest waiting for pages)`,
  );
  const baseline = { name: `idb.raw_pages_put_${options.scale}`, value: r2(raw.ms / 1000), n: raw.changes };
  if (complete) {
    results.push(
      ...compared(
        {
          name: `console.signin_to_all_cached_${options.scale}`,
          value: r2(totalS),
          unit: 's',
          n: options.tickets,
        },
        baseline,
      ),
    );
  } else if (cached > 0) {
    // Not finished within the budget: the rate so far, and the time it projects to.
    const rate = cached / totalS;
    results.push(
      { name: 'console.bootstrap_rate', value: r2(rate), unit: 'tickets_per_s', n: cached },
      ...compared(
        {
          name: `console.signin_to_all_cached_${options.scale}_projected`,
          value: r2(options.tickets / Math.max(rate, 1e-9)),
          unit: 's',
          n: cached,
        },
        baseline,
      ),
    );
  } else {
    results.push({ ...baseline, unit: 's' });
  }
  return { results, complete, cached };
}

function describe({ cursor, sent, total }: SyncProgress, target: number): string {
  return sent >= 0 ? `snapshot ${sent} of ${total} tickets` : `cursor ${cursor} of ${target}`;
}

interface SnapshotSplit {
  pages: number;
  waitMs: number;
  storeMs: number;
}

/** The snapshot loop's User Timing measures (renderer/sync/snapshot-measures.ts): fetch side vs store side. */
const snapshotSplit = `(() => {
  const sum = (name) => performance.getEntriesByName(name).reduce((ms, e) => ms + e.duration, 0);
  return {
    pages: performance.getEntriesByName(${JSON.stringify(SNAPSHOT_STORE_MEASURE)}).length,
    waitMs: sum(${JSON.stringify(SNAPSHOT_WAIT_MEASURE)}),
    storeMs: sum(${JSON.stringify(SNAPSHOT_STORE_MEASURE)}),
  };
})()`;

/** MESA_BENCH_SIGNIN_PROFILE=<file>: the renderer's CPU profile over the bootstrap, kept and summarised. */
async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1_000 });
  await cdp.send('Profiler.start');
}

async function stopProfile(cdp: CDPSession, path: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(path, JSON.stringify(profile));
  const { functions, scripts, totalMs } = selfTimes(profile as CpuProfile);
  const lines = (list: Array<{ name: string; ms: number }>) =>
    list
      .slice(0, 25)
      .map(({ name, ms }) => `  ${(ms / 1000).toFixed(2)} s  ${name}`)
      .join('\n');
  console.error(
    `bench: renderer CPU profile of the bootstrap (${(totalMs / 1000).toFixed(1)} s, kept in ${path}), self time by script:\n${lines(scripts)}\nby function:\n${lines(functions)}`,
  );
}
