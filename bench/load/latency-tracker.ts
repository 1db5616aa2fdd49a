/**
 * Change-to-every-console latency: from a push's acknowledgement until the last console's
 * cursor has passed the change the push made. A push does not learn its change's sequence
 * number, so the push names the entity it changed (a new ticket's or comment's id, or the
 * ticket it moved) and the cursor its console had when it sent it; the first change of that
 * entity after that cursor, as any console applies it, is the push's. Each console's cursor
 * only moves forward, so its history is a sorted list searched by binary search at the end.
 */
export interface PushRecord {
  key: string;
  afterSeq: number;
  ackAt: number;
  seq: number | null;
}

export interface LatencySummary {
  /** Pushes whose change every console reached. */
  measured: number;
  /** Pushes whose change some console had not reached when the figures were taken. */
  unconverged: number;
  /** Acknowledged pushes whose change no console ever saw. */
  unseen: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export class LatencyTracker {
  private readonly waiting = new Map<string, PushRecord>();
  private readonly lastSeen = new Map<string, number>();
  private readonly pushes: PushRecord[] = [];
  private readonly histories: Array<{ at: number[]; cursor: number[] }> = [];

  /** A console; returns its index for `advanced`. */
  addConsole(): number {
    this.histories.push({ at: [], cursor: [] });
    return this.histories.length - 1;
  }

  /**
   * A push was acknowledged as applied; its change is the first of `key` after `afterSeq`
   * (a console may have pulled it before the answer reached the pusher).
   */
  acknowledged(key: string, afterSeq: number, ackAt: number): PushRecord {
    const seen = this.lastSeen.get(key) ?? 0;
    const record: PushRecord = { key, afterSeq, ackAt, seq: seen > afterSeq ? seen : null };
    this.pushes.push(record);
    if (record.seq === null) this.waiting.set(key, record);
    return record;
  }

  /** A console applied a change: called for every change, so it stays two map operations. */
  sawChange(key: string, seq: number): void {
    if ((this.lastSeen.get(key) ?? 0) < seq) this.lastSeen.set(key, seq);
    const record = this.waiting.get(key);
    if (!record || seq <= record.afterSeq) return;
    record.seq = seq;
    this.waiting.delete(key);
  }

  /** A console's cursor moved forward at `at`. */
  advanced(console: number, cursor: number, at: number): void {
    const history = this.histories[console]!;
    history.at.push(at);
    history.cursor.push(cursor);
  }

  /** Acknowledged pushes, with their change's seq once seen. */
  records(): Array<{ seq: number | null; ackAt: number }> {
    return this.pushes.map(({ seq, ackAt }) => ({ seq, ackAt }));
  }

  /** For each seq: when the slowest of these consoles first reached it, or null if one never did. */
  reachedAt(seqs: number[]): Array<number | null> {
    return seqs.map((seq) => this.lastConsoleReached(seq));
  }

  summarize(windowStart = -Infinity): LatencySummary {
    const pushes = this.records();
    const reached = this.reachedAt(pushes.map((p) => p.seq ?? 0));
    return summarizeLatency(pushes, reached, windowStart);
  }

  /** When the slowest console's cursor first reached `seq`; null if one never did. */
  private lastConsoleReached(seq: number): number | null {
    let last = -Infinity;
    for (const { at, cursor } of this.histories) {
      const i = firstAtLeast(cursor, seq);
      if (i === cursor.length) return null;
      last = Math.max(last, at[i]!);
    }
    return last;
  }
}

/**
 * The latency figures from every push and, per push, when the slowest console reached its
 * change (null: some console never did), over pushes acknowledged from `windowStart` on.
 */
export function summarizeLatency(
  pushes: Array<{ seq: number | null; ackAt: number }>,
  reached: Array<number | null>,
  windowStart = -Infinity,
): LatencySummary {
  const latencies: number[] = [];
  let unconverged = 0;
  let unseen = 0;
  pushes.forEach((push, i) => {
    if (push.ackAt < windowStart) return;
    if (push.seq === null) unseen += 1;
    else if (reached[i] === null) unconverged += 1;
    else latencies.push(Math.max(0, reached[i]! - push.ackAt));
  });
  latencies.sort((a, b) => a - b);
  return {
    measured: latencies.length,
    unconverged,
    unseen,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies.length ? latencies[latencies.length - 1]! : null,
  };
}

function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
