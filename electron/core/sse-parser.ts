/**
 * An incremental parser for text/event-stream (WHATWG HTML, "Server-sent events" §9.2.6):
 * feed it decoded text in whatever chunks the network gives; it calls back once per complete
 * event. Lines end with CRLF, LF or CR; `data` lines join with LF; lines starting with ':'
 * are comments (the server's heartbeats), reported separately so a watchdog can see them.
 */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export interface SseParser {
  push(text: string): void;
}

export function createSseParser(
  onEvent: (event: SseEvent) => void,
  onComment: (text: string) => void = () => {},
): SseParser {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let id: string | null = null;
  // A CR at the end of one chunk may be the first half of a CRLF split across chunks.
  let pendingCr = false;

  function dispatch(): void {
    if (data.length > 0) onEvent({ event: eventName || 'message', data: data.join('\n'), id });
    eventName = '';
    data = [];
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return onComment(text.slice(1).trimStart());
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` is ignored on purpose: reconnection follows our own backoff.
  }

  return {
    push(text) {
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== '\n' && ch !== '\r') continue;
        line(buffer.slice(start, i));
        if (ch === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
