import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from './sse-parser.js';

function parse(chunks: string[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({
    onEvent: (e) => events.push(e),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { events, retries };
}

describe('SseParser', () => {
  it('reads the stream of the verify events endpoint', () => {
    const { events } = parse([
      'id: 41\nevent: ready\ndata: {"heartbeat_ms":15000}\n\n',
      ': heartbeat\n\n',
      'id: 42\nevent: invalidate\ndata: {"key_hash":"ab","reason":"revoked"}\n\n',
    ]);
    expect(events).toEqual([
      { id: '41', event: 'ready', data: '{"heartbeat_ms":15000}' },
      { id: '42', event: 'invalidate', data: '{"key_hash":"ab","reason":"revoked"}' },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('takes %s line ends, split anywhere across chunks', (_, eol) => {
    const text = `id: 7${eol}event: reset${eol}data: {"reason":"gone"}${eol}${eol}`;
    for (let cut = 0; cut <= text.length; cut++) {
      const { events } = parse([text.slice(0, cut), text.slice(cut)]);
      expect(events).toEqual([{ id: '7', event: 'reset', data: '{"reason":"gone"}' }]);
    }
  });

  it('joins data lines, keeps the last id for later events, and defaults the type to message', () => {
    const { events, retries } = parse([
      'id: 3\ndata: a\ndata:b\n\n',
      'retry: 2500\ndata\n\n',
      'event: x\n\n', // no data: nothing dispatched, and the type does not carry over
      'data: c\n\n',
    ]);
    expect(events).toEqual([
      { id: '3', event: 'message', data: 'a\nb' },
      { id: '3', event: 'message', data: '' },
      { id: '3', event: 'message', data: 'c' },
    ]);
    expect(retries).toEqual([2500]);
  });
});
