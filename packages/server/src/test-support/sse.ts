/** One server-sent event (or a comment, as `event: 'comment'`). */
export interface SseFrame {
  id?: string;
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` response frame by frame, for tests: `next` waits for the next
 * frame (failing after `timeoutMs`), `close` cancels the body (the client hangs up).
 */
export function readSse(response: Response) {
  const body = response.body;
  if (body === null) throw new Error('the response has no body');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames: SseFrame[] = [];
  let done = false;
  // One read at a time: a read that lost a race with the timeout is still the next chunk.
  let reading: ReturnType<typeof reader.read> | undefined;

  function parse(): void {
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: SseFrame = { event: 'message', data: '' };
      let comment = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          comment = true;
          frame.data = line.slice(1).trim();
        } else if (line.startsWith('id: ')) frame.id = line.slice(4);
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) frame.data = line.slice(6);
      }
      if (comment && frame.id === undefined) frame.event = 'comment';
      frames.push(frame);
    }
  }

  return {
    /** The next frame; `null` when the stream ended. */
    async next(timeoutMs = 3_000): Promise<SseFrame | null> {
      const deadline = Date.now() + timeoutMs;
      while (frames.length === 0) {
        if (done) return null;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no server-sent event arrived in time');
        let timer: NodeJS.Timeout | undefined;
        reading ??= reader.read();
        const chunk = await Promise.race([
          reading,
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), left);
          }),
        ]);
        clearTimeout(timer);
        if (chunk === 'timeout') continue;
        reading = undefined;
        if (chunk.done) done = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
      return frames.shift() ?? null;
    },
    /** The next frame that is not a comment (a heartbeat). */
    async nextEvent(timeoutMs = 3_000): Promise<SseFrame | null> {
      for (;;) {
        const frame = await this.next(timeoutMs);
        if (frame === null || frame.event !== 'comment') return frame;
      }
    },
    async close(): Promise<void> {
      await reader.cancel().catch(() => {});
    },
  };
}
