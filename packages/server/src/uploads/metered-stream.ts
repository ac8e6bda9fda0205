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

export interface MeteredStream {
  /** The source, passed through; it fails with `ByteLimitExceeded` past `maxBytes`. */
  stream: ReadableStream<Uint8Array>;
  /** Bytes that went through so far. */
  bytes(): number;
  /** Lower-case hex SHA-256 of everything that went through; call once, at the end. */
  sha256(): string;
}

/** Counts and hashes a byte stream on its way through, and stops it past `maxBytes`. */
export function meterStream(source: ReadableStream<Uint8Array>, maxBytes: number): MeteredStream {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) throw new ByteLimitExceeded(maxBytes);
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, bytes: () => bytes, sha256: () => hash.digest('hex') };
}
