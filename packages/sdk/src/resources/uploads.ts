import { APIUserAbortError, OnePinConfigurationError, OnePinError } from '../errors.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import {
  type ProgressListener,
  resolveSource,
  type UploadSource,
} from '../internal/upload-source.js';
import { APIResource } from '../resource.js';

export type { ProgressListener, UploadSource };

// PROVISIONAL: hand-written from SPEC §5 until the server publishes the upload routes.

/** `script`: txt, srt, csv, json, xliff, docx. `dictionary`: mp3, wav, m4a, ogg, webm. */
export type UploadCategory = 'script' | 'dictionary';

/** A file staged for a workflow: created, its bytes sent, then confirmed. */
export interface Upload {
  id: string;
  workspace_id: string;
  filename: string;
  category: UploadCategory;
  content_type: string;
  size_bytes: number;
  status: string;
  context_type: 'workflow' | null;
  context_id: string | null;
  created_at: string;
}

export interface UploadCreateParams {
  /** The bytes: a path (Node), a Buffer/Uint8Array/ArrayBuffer, a Blob/File, or a stream. */
  file: UploadSource;
  category: UploadCategory;
  /** Defaults to the path's or the File's name; required for other sources. */
  filename?: string;
  /** Defaults to the Blob's type, else to the type of the file name's extension. */
  content_type?: string;
  /** Defaults to the size of the bytes; required for a stream that is not a whole file. */
  size_bytes?: number;
  /** Called as the bytes go out, e.g. for a progress bar. */
  onProgress?: ProgressListener;
}

export interface UploadConfirmParams {
  context_type: 'workflow';
  /** The workflow the upload belongs to. */
  context_id: string;
}

/** The answer to `POST /api/v1/uploads`: the upload and where to send its bytes. */
interface UploadTicket {
  upload: Upload;
  upload_url: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  srt: 'application/x-subrip',
  csv: 'text/csv',
  json: 'application/json',
  xliff: 'application/xliff+xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
};

/** Sending up to 50 MB takes longer than an API call; a call's own `timeoutMs` still wins. */
const UPLOAD_MIN_TIMEOUT_MS = 10 * 60_000;

/** `client.uploads`: files for workflows (`uploads:write`). */
export class Uploads extends APIResource {
  /**
   * Creates an upload and sends its bytes to the signed URL the server hands out (without
   * the token: the signature authenticates). Confirm it afterwards to bind it to a workflow.
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
    const contentType = params.content_type ?? source.contentType ?? contentTypeOf(filename);
    const ticket = await this._data<UploadTicket>(
      {
        method: 'POST',
        path: '/api/v1/uploads',
        json: {
          filename,
          category: params.category,
          size_bytes: params.size_bytes ?? source.size,
          content_type: contentType,
        },
      },
      options,
    );
    try {
      const sent = await this._send(
        {
          method: 'PUT',
          path: this.#uploadUrl(ticket.upload_url),
          authenticated: false,
          body: () => source.body(contentType, params.onProgress),
          retryable: source.repeatable,
          minTimeoutMs: UPLOAD_MIN_TIMEOUT_MS,
        },
        options,
      );
      // The upload as it is now, when the server answers with it (else as it was created).
      const answer = (sent.body as { data?: unknown } | null)?.data;
      return isUpload(answer) ? answer : ticket.upload;
    } catch (error) {
      // Leave nothing half-made behind, unless the caller asked us to stop.
      if (!(error instanceof APIUserAbortError)) {
        await this.delete(ticket.upload.id, { maxRetries: 0 }).catch(() => {});
      }
      throw error;
    }
  }

  /** Binds an upload whose bytes have arrived to a workflow (`ConflictError` before that). */
  async confirm(
    id: string,
    params: UploadConfirmParams,
    options?: RequestOptions,
  ): Promise<Upload> {
    return this._data({ method: 'POST', path: path`/api/v1/uploads/${id}`, json: params }, options);
  }

  /** Deletes an upload and its bytes. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this._send({ method: 'DELETE', path: path`/api/v1/uploads/${id}` }, options);
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

function contentTypeOf(filename: string): string {
  const extension = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

function isUpload(value: unknown): value is Upload {
  return typeof value === 'object' && value !== null && 'id' in value && 'filename' in value;
}
