import { API_KEY_SEARCH_PATTERN } from '@onepin/core';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/** Replaces anything shaped like a OnePin key with its preview: the last line of defence that
 * keeps secrets out of logs, whatever a message or an error happens to contain. */
export function redactSecrets(text: string): string {
  return text.replace(API_KEY_SEARCH_PATTERN, (key) => `${key.slice(0, 8)}…${key.slice(-4)}`);
}

/** The server's JSON logger: one line per event, secrets redacted. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['headers.authorization', 'headers.cookie', '*.authorization'],
        censor: '[redacted]',
      },
      hooks: {
        streamWrite: (line) => (line.includes('op_') ? redactSecrets(line) : line),
      },
    },
    destination,
  );
}
