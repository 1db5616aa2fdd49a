/** A small seeded generator (mulberry32), so the demo data is the same on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new RangeError('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  };

  /** A value by weight: [[value, weight], …]. */
  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options[options.length - 1]![0];
  }

  /**
   * A UUID v7 for time `ms` from this generator: time-ordered like the server's ids and
   * reproducible, and far cheaper than crypto randomness for 100,000 demo rows.
   */
  uuidV7(ms: number): string {
    const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0');
    const time = hex(ms, 12);
    const r = () => this.next() * 0x10000;
    const variant = (0x8000 | (r() & 0x3fff)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(r() & 0xfff, 3)}-${variant}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
  }
}
