import type { AuditCursor } from '@onepin/db';

// Exactly the form the server writes, so the database never sees a time it cannot parse.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients: base64url of the last event's time and id. */
export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The cursor, or `null` when the text is not one this server produced. */
export function decodeCursor(text: string): AuditCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      ISO_UTC.test(value[0])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through: not a cursor
  }
  return null;
}
