import {
  APIUserAbortError,
  ConflictError,
  OnePinConfigurationError,
  OnePinError,
} from '../errors.js';
import type { components } from '../generated/openapi.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import {
  type ProgressListener,
  resolveSource,
  type UploadSource,
} from '../internal/upload-source.js';
import { APIResource } from '../resource.js';
import type { Deleted } from './workflows.js';

export type { ProgressListener, UploadSource };

/** A file staged for a workflow: created (`pending`), its bytes sent (`uploaded`), then confirmed. */
export type Upload = components['schemas']['Upload'];
/** `script`: txt, srt, csv, json, xliff, docx. `dictionary`: mp3, wav, m4a, ogg, webm. */
export type UploadCategory = components['schemas']['UploadCategory'];
/** The workflow an upload belongs to: `{ context_type: 'workflow', context_id }`. */
export type UploadConfirmParams = components['schemas']['UploadConfirm'];
/** The answer to `POST /api/v1/uploads`: the upload and where to send its bytes. */
type UploadCreated = components['schemas']['UploadCreated'];

export interface UploadCreateParams {
  /** The bytes: a path (Node), a Buffer/Uint8Array/ArrayBuffer, a Blob/File, or a stream. */
  file: UploadSource;
  category: UploadCategory;
  /** Defaults to the path's or the File's name; required for other sources. */
  filename?: string | undefined;
  /** Defaults to the Blob's type, else the server picks it from the file name's extension. */
  content_type?: string | undefined;
  /** Defaults to the size of the bytes; required for a stream that is not a whole file. */
  size_bytes?: number | undefined;
  /** Called as the bytes go out, e.g. for a progress bar. */
  onProgress?: ProgressListener | undefined;
}

/** Sending up to 50 MB takes longer than an API call; a call's own `timeoutMs` still wins. */
const UPLOAD_MIN_TIMEOUT_MS = 10 * 60_000;

/** `client.uploads`: files for workflows (`uploads:write`). */
export class Uploads extends APIResource {
  /**
   * Creates an upload and sends its bytes to the signed URL the server hands out (without
   * the token: the signature authenticates), then resolves to the upload, now `uploaded`.
   * Confirm it afterwards to bind it to a workflow. If sending fails, the upload is deleted.
   *
   * @example
   * const upload = await client.uploads.create({ file: './script.txt', category: 'script' });
   * await client.uploads.confirm(upload.id, { context_type: 'workflow', context_id: workflow.id });
   */
  async create(params: UploadCreateParams, options?: RequestOptions): Promise<Upload> {
    const source = await resolveSource(params.file, params.size_bytes);
    const filename = params.filename ?? source.filename;
    if (!filename) {
      throw new OnePinConfigurationError('filename is required unless file is a path or a File.');
    }
    const contentType = params.content_type ?? source.contentType;
    const { upload, upload_url } = await this._data<UploadCreated>(
      {
        method: 'POST',
        path: '/api/v1/uploads',
        json: {
          filename,
          category: params.category,
          size_bytes: params.size_bytes ?? source.size,
          // Left out, the server picks it from the extension.
          ...(contentType !== undefined && { content_type: contentType }),
        },
      },
      options,
    );
    try {
      return await this._data<Upload>(
        {
          method: 'PUT',
          path: this.#uploadUrl(upload_url),
          authenticated: false,
          body: () => source.body(upload.content_type, params.onProgress),
          retryable: source.repeatable,
          minTimeoutMs: UPLOAD_MIN_TIMEOUT_MS,
        },
        options,
      );
    } catch (error) {
      // The URL takes one upload, then answers 409. Only this call has the URL, so a 409
      // means a retry found the bytes of an earlier attempt whose answer was lost: the
      // upload is complete. Its sha256 and uploaded_at came with that answer: they stay null.
      if (error instanceof ConflictError) return { ...upload, status: 'uploaded' };
      // Leave nothing half-made behind, unless the caller asked us to stop.
      if (!(error instanceof APIUserAbortError)) {
        await this.delete(upload.id, { maxRetries: 0 }).catch(() => {});
      }
      throw error;
    }
  }

  /**
   * Binds an upload whose bytes have arrived to a workflow of the same workspace. Before the
   * bytes arrive, or when already bound to another workflow, it is a `ConflictError`;
   * confirming again to the same workflow is harmless. A POST: never retried.
   */
  async confirm(
    id: string,
    params: UploadConfirmParams,
    options?: RequestOptions,
  ): Promise<Upload> {
    return this._data({ method: 'POST', path: path`/api/v1/uploads/${id}`, json: params }, options);
  }

  /** Deletes an upload and its bytes. */
  async delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this._data({ method: 'DELETE', path: path`/api/v1/uploads/${id}` }, options);
  }

  /** The signed URL as an absolute http(s) URL (a relative one is taken from the base URL). */
  #uploadUrl(value: string): string {
    const url = new URL(value, `${this._transport.baseUrl}/`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new OnePinError('The server sent an upload URL that is not http(s).');
    }
    return url.href;
  }
}
