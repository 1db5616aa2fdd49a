import { createParser } from 'eventsource-parser';

/** Reads a text/event-stream for tests: collects events and lets a test wait for one. */
export interface SseEvent {
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  contentType: string;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first event (already received or future) that matches. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  waitForComment(timeoutMs?: number): Promise<string>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  if (response.body && response.ok) {
    void (async () => {
      const decoder = new TextDecoder();
      const parser = createParser({
        onEvent: ({ event = 'message', data }) => {
          events.push({ event, data });
          notify();
        },
        onComment: (text) => {
          comments.push(text.trim());
          notify();
        },
      });
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          parser.feed(decoder.decode(chunk, { stream: true }));
        }
      } catch {
        // aborted
      }
    })();
  }

  const wait = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    events,
    comments,
    waitFor: (match, timeoutMs = 5_000) => wait(() => events.find(match), timeoutMs, 'matching event'),
    waitForComment: (timeoutMs = 5_000) => wait(() => comments[0], timeoutMs, 'comment'),
    close: () => controller.abort(),
  };
}

export const cursorOf = (event: SseEvent): number => (JSON.parse(event.data) as { cursor: number }).cursor;
