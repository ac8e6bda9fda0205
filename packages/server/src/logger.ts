import { previewApiKey } from '@onepin/core';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/**
 * Anything shaped like a OnePin key, wherever it sits: inside a longer word, after `Bearer`,
 * or with its underscores percent-encoded as in a URL (`op%5Flive%5F…`). No word boundaries,
 * unlike the scanner's pattern: in a log, hiding too much is harmless and too little is a leak.
 */
const KEY_LIKE = /op(?:_|%5[Ff])(?:live|test)(?:_|%5[Ff])[0-9A-Za-z]{32}/g;

/** Replaces anything shaped like a OnePin key with its preview: the last line of defence that
 * keeps secrets out of logs, whatever a message or an error happens to contain. */
export function redactSecrets(text: string): string {
  return text.replace(KEY_LIKE, previewApiKey);
}

/** Whether a line may hold a key: a cheap test before the regular expression runs. */
function mayHoldKey(line: string): boolean {
  return line.includes('op_') || line.includes('op%5');
}

/** Credentials by where they sit in a logged object, whatever their shape. */
const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'api_key',
  '*.api_key',
  'password',
  '*.password',
];

/** The server's JSON logger: one line per event, secrets redacted. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => (mayHoldKey(line) ? redactSecrets(line) : line),
      },
    },
    destination,
  );
}
