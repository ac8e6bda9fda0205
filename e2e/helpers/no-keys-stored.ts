import { openDatabase } from '@onepin/db';
import { findKeysInDatabase } from '@onepin/db/test-support';
import { expect } from 'vitest';

/** Opens the database a run used and asserts that no table holds a key-shaped string. */
export async function expectNoKeysStored(databaseUrl: string): Promise<void> {
  const database = openDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    expect(await findKeysInDatabase(database)).toEqual([]);
  } finally {
    await database.close();
  }
}
