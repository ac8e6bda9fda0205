import { OnePinConfigurationError } from '../errors.js';
import type { RawBody } from './transport.js';

/**
 * The bytes of an upload: a file path (Node only), a `Uint8Array` (a Node `Buffer` is one)
 * or `ArrayBuffer`, a `Blob` or `File`, a web `ReadableStream`, or any async iterable of
 * bytes such as a Node `Readable` stream. A string is always a path, never the content: wrap
 * text in `new Blob([text])`.
 */
export type UploadSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

/** What the upload flow needs to know about its bytes before sending them. */
export interface ResolvedSource {
  size: number;
  /** From the path or `File.name`, when there is one. */
  filename: string | undefined;
  /** From the `Blob`'s type, when it has one. */
  contentType: string | undefined;
  /** A fresh body for each attempt. */
  body: (contentType: string, onProgress?: ProgressListener) => Promise<RawBody>;
  /** Whether the bytes can be sent again (not for streams). */
  repeatable: boolean;
}

/** Told how many bytes have gone out so far, of `total`. */
export type ProgressListener = (sent: number, total: number) => void;

interface NodeFileStream {
  path?: unknown;
  start?: unknown;
  end?: unknown;
}

/** Works out size, name and a body factory; `node:fs` is loaded only for paths and file streams. */
export async function resolveSource(
  source: UploadSource,
  declaredSize: number | undefined,
): Promise<ResolvedSource> {
  if (typeof source === 'string') {
    // A Blob backed by the file: read as it is sent, and again on a retry.
    const blob = await openFileAsBlob(source);
    return { ...fromBlob(blob), filename: basename(source) };
  }
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    return fromBlob(new Blob([source]));
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = (source as { name?: unknown }).name;
    return {
      ...fromBlob(source),
      filename: typeof name === 'string' && name !== '' ? name : undefined,
      contentType: source.type || undefined,
    };
  }
  if (isStream(source)) {
    const size = declaredSize ?? (await fileStreamSize(source as NodeFileStream));
    if (size === undefined) {
      throw new OnePinConfigurationError(
        'size_bytes is required when uploading from a stream: the server needs the size up front.',
      );
    }
    const path = (source as NodeFileStream).path;
    let used = false;
    return {
      size,
      filename: typeof path === 'string' ? basename(path) : undefined,
      contentType: undefined,
      repeatable: false,
      async body(contentType, onProgress) {
        if (used) throw new OnePinConfigurationError('A stream can only be uploaded once.');
        used = true;
        const stream = source instanceof ReadableStream ? source : toReadableStream(source);
        return {
          body: onProgress ? counting(stream, size, onProgress) : stream,
          contentType,
          streaming: true,
        };
      },
    };
  }
  throw new OnePinConfigurationError(
    'file must be a path, a Uint8Array/Buffer, an ArrayBuffer, a Blob or a stream.',
  );
}

function fromBlob(blob: Blob): ResolvedSource {
  return {
    size: blob.size,
    filename: undefined,
    contentType: undefined,
    repeatable: true,
    async body(contentType, onProgress) {
      if (!onProgress) return { body: blob, contentType, streaming: false };
      return {
        body: counting(blob.stream(), blob.size, onProgress),
        contentType,
        streaming: true,
      };
    },
  };
}

function isStream(value: unknown): value is ReadableStream<Uint8Array> | AsyncIterable<unknown> {
  return (
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) ||
    (typeof value === 'object' && value !== null && Symbol.asyncIterator in value)
  );
}

/** Node's `fs.openAsBlob`, loaded only here so browsers never see `node:fs`. */
async function openFileAsBlob(path: string): Promise<Blob> {
  let fs: typeof import('node:fs');
  try {
    fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs');
  } catch (error) {
    throw new OnePinConfigurationError(
      'Uploading from a path needs Node.js; in a browser pass a Blob or File.',
      { cause: error },
    );
  }
  try {
    // stat first: it names the problem (ENOENT, EACCES) where openAsBlob does not.
    if (!(await fs.promises.stat(path)).isFile()) {
      throw new OnePinConfigurationError(`Cannot upload ${path}: it is not a file.`);
    }
    return await fs.openAsBlob(path);
  } catch (error) {
    if (error instanceof OnePinConfigurationError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new OnePinConfigurationError(
      `Cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}.`,
      { cause: error },
    );
  }
}

/** The size of a whole-file Node stream (`fs.createReadStream(path)`), else `undefined`. */
async function fileStreamSize(stream: NodeFileStream): Promise<number | undefined> {
  const whole =
    (stream.start === undefined || stream.start === 0) &&
    (stream.end === undefined || stream.end === Number.POSITIVE_INFINITY);
  if (typeof stream.path !== 'string' || !whole) return undefined;
  const { stat } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
  return (await stat(stream.path)).size;
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A web stream over an async iterable of bytes (what a Node `Readable` is). */
function toReadableStream(iterable: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else
        controller.enqueue(
          typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array),
        );
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** Passes the bytes through, telling `onProgress` how many have been handed to fetch. */
function counting(
  stream: ReadableStream<Uint8Array>,
  total: number,
  onProgress: ProgressListener,
): ReadableStream<Uint8Array> {
  let sent = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress(sent, total);
      },
    }),
  );
}
