import type { ChangeNotifier } from './change-notifier';
import type { PageCache } from './page-cache';

/** One event-stream message, encoded once and written as the same bytes to every stream. */
export type Frame = Buffer;
type Listener = (frame: Frame) => void;

export interface BroadcastOptions {
  /** Changes coming closer together than this go out as one message. */
  coalesceMs: number;
  /** A message carries the changes themselves up to this many; more, and it only says where the sequence is. */
  carryMaxChanges: number;
  carryMaxBytes: number;
}

export const DEFAULT_BROADCAST: BroadcastOptions = {
  coalesceMs: 250,
  carryMaxChanges: 100,
  carryMaxBytes: 256 * 1024,
};

const PAGE_TAIL = /"cursor":(\d+),"hasMore":(true|false)\}$/;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** `event: changes` that only says where the sequence is: the console pulls. */
export const pokeFrame = (cursor: number): Frame =>
  Buffer.from(`event: changes\ndata: {"cursor":${cursor}}\n\n`);

/**
 * `event: changes` carrying the pull page after `after` as the pull endpoint would answer
 * it, so a console whose cursor is `after` applies it without asking (old consoles read the
 * cursor and pull as before). An SSE data line cannot hold a line break; stored JSON has none
 * unless someone wrote it by hand, and then the message is a plain poke.
 */
export function carryFrame(
  after: number,
  page: Buffer,
  options: BroadcastOptions,
): { frame: Frame; cursor: number } | null {
  const tail = PAGE_TAIL.exec(page.subarray(Math.max(0, page.length - 64)).toString('latin1'));
  if (!tail || tail[2] === 'true' || page.length > options.carryMaxBytes) return null;
  if (page.includes(NEWLINE) || page.includes(RETURN)) return null;
  const cursor = Number(tail[1]);
  return {
    cursor,
    frame: Buffer.concat([
      Buffer.from(`event: changes\ndata: {"cursor":${cursor},"after":${after},"page":`),
      page,
      Buffer.from('}\n\n'),
    ]),
  };
}

/**
 * The change feed's fan-out: when the sequence moves, the page after what was last sent is
 * read once (through the shared page cache) and one message goes to every stream. Moves
 * closer together than `coalesceMs` are sent together, so a burst of pushes costs every
 * console one message, not one each. The pull stays the source of truth: a console that
 * missed a message, or whose cursor is elsewhere, pulls.
 */
export class ChangeBroadcast {
  private sent: number;
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private sending = false;
  private lastSentAt = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly notifier: ChangeNotifier,
    private readonly pages: PageCache,
    private readonly options: BroadcastOptions = DEFAULT_BROADCAST,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.sent = notifier.latest;
    this.unsubscribe = notifier.subscribe(() => this.schedule());
  }

  /** Where the last message left the sequence: a new stream starts from here. */
  get cursor(): number {
    return this.sent;
  }

  /** Streams listening now. */
  get listening(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.timer || this.sending) return;
    const wait = Math.max(0, this.lastSentAt + this.options.coalesceMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, wait);
  }

  private async send(): Promise<void> {
    this.sending = true;
    const after = this.sent;
    const target = this.notifier.latest;
    let message: { frame: Frame; cursor: number } | null = null;
    try {
      message = carryFrame(after, await this.pages.page(after, this.options.carryMaxChanges), this.options);
    } catch (error) {
      this.onError(error);
    }
    if (!message || message.cursor < target) message = { frame: pokeFrame(target), cursor: target };
    this.sent = Math.max(after, message.cursor);
    this.lastSentAt = performance.now();
    this.sending = false;
    for (const listener of this.listeners) listener(message.frame);
    if (this.notifier.latest > this.sent) this.schedule();
  }
}
