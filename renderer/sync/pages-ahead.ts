/** What a request for a page came to: the page, or why it failed. */
export type PageAnswer<P> = { page: P } | { error: unknown };

export interface PagesAhead<P> {
  /** The next answer in request order. Call again only after the previous call resolved. */
  next(): Promise<PageAnswer<P>>;
  /** No further requests; an answer already on its way is dropped. */
  close(): void;
}

/**
 * Requests a chain of pages (each page's cursor names the next) ahead of a consumer, with at
 * most `depth` pages fetched or on their way beyond the one the consumer holds. The requests
 * stay one at a time and in order; what overlaps is fetching with the consumer's work. A
 * failed request ends the chain: its error is the last answer.
 */
export function pagesAhead<P>(options: {
  ask(cursor: string | undefined): Promise<P>;
  from: string | undefined;
  /** The cursor of the page after this one, or null when it is the last. */
  following(page: P): string | null;
  depth: number;
}): PagesAhead<P> {
  const { ask, following, depth } = options;
  const ready: Array<PageAnswer<P>> = [];
  let waiting: ((answer: PageAnswer<P>) => void) | null = null;
  let cursor: string | undefined | null = options.from;
  let asking = false;
  let closed = false;

  const deliver = (answer: PageAnswer<P>): void => {
    asking = false;
    if (closed) return;
    if ('error' in answer) cursor = null;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(answer);
    } else ready.push(answer);
    pump();
  };

  const pump = (): void => {
    if (closed || asking || cursor === null || ready.length >= depth) return;
    asking = true;
    ask(cursor).then(
      (page) => {
        cursor = following(page);
        deliver({ page });
      },
      (error: unknown) => deliver({ error }),
    );
  };

  return {
    next() {
      const answer = ready.shift();
      pump();
      if (answer) return Promise.resolve(answer);
      if (!asking) return Promise.reject(new Error('pagesAhead: nothing more was asked for'));
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    close() {
      closed = true;
      ready.length = 0;
    },
  };
}
