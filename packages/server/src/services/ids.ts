const IDS_WE_MAKE = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Whether `id` could be an id this server made (UUIDs, base62 ids). Anything else is not
 * found without asking the database, which also keeps odd bytes (NUL) out of queries.
 */
export function isPlausibleId(id: string): boolean {
  return IDS_WE_MAKE.test(id);
}
