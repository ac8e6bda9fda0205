import type { UploadCategory } from '@onepin/db';
import { isWellFormedUnicode } from '../services/text.js';

/** The extensions each category accepts (SPEC §5 "Upload rules"). */
export const UPLOAD_EXTENSIONS: Readonly<Record<UploadCategory, readonly string[]>> = {
  script: ['txt', 'srt', 'csv', 'json', 'xliff', 'docx'],
  dictionary: ['mp3', 'wav', 'm4a', 'ogg', 'webm'],
};

export const UPLOAD_CATEGORIES = Object.keys(UPLOAD_EXTENSIONS) as UploadCategory[];

/** What `content_type` defaults to when the client leaves it out. */
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

export const FILENAME_MAX = 255;

/** The extension of a file name, lower-cased, without the dot ('' when there is none). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Why a client's file name is refused, or null. The name is only ever displayed (blobs are
 * stored by upload id), but nothing path-like, invisible or spoofable is kept either.
 */
export function filenameProblem(filename: string): string | null {
  if (/[/\\]/.test(filename)) return 'must be a file name, not a path (no / or \\)';
  if (filename.includes('..')) return 'must not contain ..';
  // Cc: control characters (NUL, newlines…); Cf: invisible formatting, such as the
  // right-to-left override that makes "txt.exe" display as "exe.txt".
  if (/[\p{Cc}\p{Cf}]/u.test(filename)) {
    return 'must not contain control or invisible formatting characters';
  }
  if (!isWellFormedUnicode(filename)) return 'must be valid Unicode (no unpaired surrogates)';
  if (filename.trim() !== filename) return 'must not start or end with a space';
  if (filename.startsWith('.')) return 'must have a name before the extension';
  return null;
}

/** Why the file name does not fit the category, or null. */
export function extensionProblem(filename: string, category: UploadCategory): string | null {
  const accepted = UPLOAD_EXTENSIONS[category];
  if (accepted.includes(extensionOf(filename))) return null;
  return `must end in ${accepted.map((ext) => `.${ext}`).join(', ')} for a ${category} upload`;
}

export function defaultContentType(filename: string): string {
  return CONTENT_TYPES[extensionOf(filename)] ?? 'application/octet-stream';
}
