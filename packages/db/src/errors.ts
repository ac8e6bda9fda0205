/**
 * Whether a database error is a unique-constraint violation, on either dialect: the way to
 * learn that a concurrent writer took a name first, without a racy read before the write.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  // better-sqlite3: SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY); PostgreSQL: SQLSTATE 23505.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * Whether the database refused a value (PostgreSQL class 22, data exception: bad encoding, NUL
 * bytes, out-of-range values): the request's fault, not the server's.
 */
export function isRejectedValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** PostgreSQL SQLSTATEs of a server going away: admin shutdown, crash shutdown, starting up. */
const UNAVAILABLE_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
];

/**
 * Whether an error is a connection-level failure talking to the database (refused, reset,
 * timed out, the server shutting down, SQLite busy past its timeout): a failure the client
 * can retry, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === 'string' && (UNAVAILABLE_CODES.includes(code) || code.startsWith('08'))) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      error.message,
    )
  );
}
