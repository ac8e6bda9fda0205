import { expect } from 'vitest';

/** What `call` rejects with, typed loosely for assertions; fails the test when it resolves. */
export async function rejection(call: PromiseLike<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  return expect.fail('expected the call to fail, but it succeeded');
}
