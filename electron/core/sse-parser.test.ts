import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser';

function parseInChunks(text: string, chunkSize: number) {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = createSseParser(
    (e) => events.push(e),
    (c) => comments.push(c),
  );
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  return { events, comments };
}

const STREAM =
  'retry: 3000\n\nevent: changes\ndata: {"cursor":7}\n\n: heartbeat 1\n\nevent: changes\r\ndata: {"cursor":8}\r\n\r\ndata: a\ndata: b\n\n';

describe('the text/event-stream parser', () => {
  it('gives the same events whatever the chunking, CRLF split across chunks included', () => {
    const whole = parseInChunks(STREAM, STREAM.length);
    expect(whole.events).toEqual([
      { event: 'changes', data: '{"cursor":7}', id: null },
      { event: 'changes', data: '{"cursor":8}', id: null },
      { event: 'message', data: 'a\nb', id: null },
    ]);
    expect(whole.comments).toEqual(['heartbeat 1']);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parseInChunks(STREAM, size)).toEqual(whole);
  });

  it('waits for the blank line before dispatching, and ignores events without data', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((e) => events.push(e));
    parser.push('event: changes\ndata: {"cursor":1}\n');
    expect(events).toEqual([]);
    parser.push('\nevent: changes\n\n');
    expect(events).toHaveLength(1);
  });

  it('reads CR-only line endings', () => {
    expect(parseInChunks('event: changes\rdata: x\r\r', 1).events).toEqual([
      { event: 'changes', data: 'x', id: null },
    ]);
  });
});
