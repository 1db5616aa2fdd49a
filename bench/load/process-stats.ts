import { readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every Linux ABI. */
const TICKS_PER_S = 100;

/** User + system CPU seconds of a process, from /proc/<pid>/stat (fields 14 and 15). */
export function parseCpuSeconds(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function parseRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** CPU share and peak RSS of a backend process over a measured window. */
export class ProcessSampler {
  private cpuAtStart = 0;
  private startedAt = 0;
  peakRss = 0;

  constructor(readonly pid: number) {}

  cpuSeconds(): number {
    return parseCpuSeconds(readFileSync(`/proc/${this.pid}/stat`, 'utf8'));
  }

  sampleRss(): number {
    const rss = parseRssBytes(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    this.peakRss = Math.max(this.peakRss, rss);
    return rss;
  }

  begin(): void {
    this.cpuAtStart = this.cpuSeconds();
    this.startedAt = performance.now();
    this.peakRss = 0;
    this.sampleRss();
  }

  /** CPU used since begin(), as a share of one core (1 = one core busy all the time). */
  cpuShare(): number {
    const seconds = (performance.now() - this.startedAt) / 1000;
    return seconds > 0 ? (this.cpuSeconds() - this.cpuAtStart) / seconds : 0;
  }
}
