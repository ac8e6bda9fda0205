import { createHash } from 'node:crypto';

/** The stream carried more bytes than allowed; it was stopped at the first byte too many. */
export class ByteLimitExceeded extends Error {
  override name = 'ByteLimitExceeded';
  readonly limit: number;

  constructor(limit: number) {
    super(`more than ${limit} bytes`);
    this.limit = limit;
  }
}

/** The source failed (e.g. the client went away) before it ended. */
export class SourceInterrupted extends Error {
  override name = 'SourceInterrupted';
}

export interface MeteredStream {
  /** The source's bytes; fails with `ByteLimitExceeded` or `SourceInterrupted`. */
  stream: ReadableStream<Uint8Array>;
  /** Bytes that went through so far. */
  bytes(): number;
  /** Lower-case hex SHA-256 of everything that went through; call once, at the end. */
  sha256(): string;
}

/**
 * Counts and hashes a byte stream on its way through, and stops it past `maxBytes`, so the
 * writer behind it never sees a byte too many. Errors say whose fault they are: the limit,
 * or the source; anything else the writer throws is its own.
 */
export function meterStream(source: ReadableStream<Uint8Array>, maxBytes: number): MeteredStream {
  const hash = createHash('sha256');
  const reader = source.getReader();
  let bytes = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        controller.error(new SourceInterrupted('the upload stream broke off', { cause }));
        return;
      }
      if (chunk.done) {
        controller.close();
        return;
      }
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        controller.error(new ByteLimitExceeded(maxBytes));
        reader.cancel().catch(() => {});
        return;
      }
      hash.update(chunk.value);
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { stream, bytes: () => bytes, sha256: () => hash.digest('hex') };
}
