import { redactKeyShapedText } from '@onepin/core';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/** Replaces anything shaped like a OnePin key with its preview: the last line of defence that
 * keeps secrets out of logs, whatever a message or an error happens to contain. It finds keys
 * wherever they sit (glued to other text, percent-encoded) and ignores the checksum: in a log,
 * hiding too much is harmless and too little is a leak. */
export function redactSecrets(text: string): string {
  return redactKeyShapedText(text);
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
        streamWrite: redactSecrets,
      },
    },
    destination,
  );
}
