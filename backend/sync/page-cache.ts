import type { Database } from '../storage/database';
import { currentSeq } from './change-log';
import { pullPage } from './pull-service';

/**
 * The encoded pull pages asked for since the sequence last moved, shared by every caller:
 * a thousand consoles poked at once all ask for the page after the same cursor, and that
 * page is read and encoded once. An entry belongs to the sequence committed when it was
 * asked for (one read of the counter row, far cheaper than a page), not to what this
 * process has been told: a write nobody announced, or another instance's commit whose
 * NOTIFY is still on its way, must never leave a pull answering from before it, or a
 * console that pushed would pull a page without its own change. The first request after
 * the sequence moves drops every entry. Requests arriving while a page is being read wait
 * for the same read.
 */
export class PageCache {
  private tag = -1;
  private readonly entries = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(
    private readonly database: Database,
    private readonly committedSeq: () => Promise<number> = () => currentSeq(database),
    /** Pages are kept while they add up to less than this (a bootstrap's pages are large and asked once). */
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  async page(cursor: number, limit: number): Promise<Buffer> {
    const tag = await this.committedSeq();
    // Only ever forward: a read that started before a newer one may end after it.
    if (tag < this.tag) return pullPage(this.database, cursor, limit);
    if (tag !== this.tag) {
      this.entries.clear();
      this.bytes = 0;
      this.tag = tag;
    }
    const key = `${cursor}:${limit}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const page = pullPage(this.database, cursor, limit);
    this.entries.set(key, page);
    const forget = () => {
      if (this.entries.get(key) === page) this.entries.delete(key);
    };
    page.then((body) => {
      if (this.tag !== tag || this.bytes + body.length > this.maxBytes) forget();
      else this.bytes += body.length;
    }, forget);
    return page;
  }
}
