import type { Fetch } from '../../electron/core/backend-http';

/** Requests and bytes the consoles received, by kind, and errors by kind. */
export class TrafficMeter {
  pulls = 0;
  pullBytes = 0;
  pushes = 0;
  /** Mutations the server answered `applied`. */
  applied = 0;
  eventBytes = 0;
  readonly errors = new Map<string, number>();

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  snapshot(): { pulls: number; pullBytes: number; pushes: number; eventBytes: number } {
    return { pulls: this.pulls, pullBytes: this.pullBytes, pushes: this.pushes, eventBytes: this.eventBytes };
  }

  /**
   * fetch as the consoles' HTTP and event-stream modules call it, counting what comes back.
   * Pulls are counted by their Content-Length. Event streams are counted by reading their bytes
   * through one more stream, which costs the generator's CPU on every message, so only one
   * stream in `eventSample` is counted and the count scaled by the same factor.
   */
  meteredFetch(inner: Fetch = globalThis.fetch, eventSample = 10): Fetch {
    let streams = 0;
    return async (input, init) => {
      const response = await inner(input, init);
      const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
      if (path.endsWith('/sync/pull')) {
        this.pulls += 1;
        this.pullBytes += Number(response.headers.get('content-length') ?? 0);
      } else if (path.endsWith('/sync/push')) {
        this.pushes += 1;
      } else if (path.endsWith('/events') && response.body && streams++ % eventSample === 0) {
        const counted = response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform: (chunk, controller) => {
              this.eventBytes += chunk.byteLength * eventSample;
              controller.enqueue(chunk);
            },
          }),
        );
        return new Response(counted, { status: response.status, headers: response.headers });
      }
      return response;
    };
  }
}
