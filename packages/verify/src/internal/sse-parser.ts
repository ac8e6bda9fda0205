/** One dispatched server-sent event. */
export interface SseEvent {
  /** The last event id seen on the stream so far (it carries over to later events). */
  readonly id: string | undefined;
  /** `message` when the event names none. */
  readonly event: string;
  readonly data: string;
}

export interface SseHandlers {
  onEvent(event: SseEvent): void;
  /** A `retry:` field: the server's reconnection delay in milliseconds. */
  onRetry?(ms: number): void;
}

/**
 * A small parser of the `text/event-stream` format (HTML Living Standard, "Server-sent
 * events", section 9.2.6), fed with decoded text as it arrives: lines end in CRLF, LF or CR, may be
 * split across chunks, and an event is dispatched at a blank line. Comments (`: heartbeat`)
 * are skipped; the caller counts any bytes as a sign of life.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #lastId: string | undefined;
  #afterCR = false;
  readonly #handlers: SseHandlers;

  constructor(handlers: SseHandlers) {
    this.#handlers = handlers;
  }

  feed(chunk: string): void {
    let buffer = this.#buffer + chunk;
    // A CR ended the last chunk: an LF starting this one belongs to it (CRLF).
    if (this.#afterCR && buffer.charCodeAt(0) === 10) buffer = buffer.slice(1);
    this.#afterCR = false;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.#line(buffer.slice(start, i));
      if (c === 13) {
        if (i + 1 === buffer.length) this.#afterCR = true;
        else if (buffer.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.#buffer = buffer.slice(start);
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#handlers.onRetry?.(Number(value));
        break;
    }
  }

  #dispatch(): void {
    const event = this.#event || 'message';
    const data = this.#data;
    this.#event = '';
    this.#data = [];
    if (data.length === 0) return;
    this.#handlers.onEvent({ id: this.#lastId, event, data: data.join('\n') });
  }
}
