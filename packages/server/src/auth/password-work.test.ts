import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import { type PasswordLane, PasswordWork } from './password-work.js';

/** A job the test finishes by hand, recording when it started. */
function harness(work: PasswordWork) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const submit = (lane: PasswordLane, name: string) =>
    work.run(
      lane,
      () =>
        new Promise<string>((resolve) => {
          started.push(name);
          finishers.set(name, () => resolve(name));
        }),
    );
  const finish = async (name: string) => {
    finishers.get(name)?.();
    // Let the queue's `finally` run and start the next job.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, submit, finish };
}

describe('PasswordWork', () => {
  it('never lets new-password work take the slot kept for sign-ins, however much of it waits', async () => {
    const work = new PasswordWork({ concurrency: 2, newPasswordConcurrency: 1, maxWaiting: 100 });
    const { started, submit } = harness(work);
    for (let i = 0; i < 50; i++) submit('new-password', `link${i}`).catch(() => {});
    expect(work.load['new-password']).toEqual({ running: 1, waiting: 49 });
    void submit('sign-in', 'signin');
    expect(started).toEqual(['link0', 'signin']);
  });

  it('alternates freed slots between the lanes when both wait', async () => {
    const work = new PasswordWork({ concurrency: 1, newPasswordConcurrency: 1, maxWaiting: 100 });
    const { started, submit, finish } = harness(work);
    void submit('sign-in', 's0');
    for (let i = 1; i <= 3; i++) void submit('sign-in', `s${i}`);
    for (let i = 1; i <= 3; i++) void submit('new-password', `n${i}`);
    for (const name of ['s0', 'n1', 's1', 'n2', 's2', 'n3']) await finish(name);
    expect(started).toEqual(['s0', 'n1', 's1', 'n2', 's2', 'n3', 's3']);
  });

  it('serves a sign-in within one finished job when new-password work floods a one-slot queue', async () => {
    const work = new PasswordWork({ concurrency: 1, newPasswordConcurrency: 1, maxWaiting: 1000 });
    const { started, submit, finish } = harness(work);
    for (let i = 0; i < 500; i++) void submit('new-password', `n${i}`);
    void submit('sign-in', 'me');
    await finish('n0');
    expect(started).toEqual(['n0', 'me']);
  });

  it('refuses with 503 and Retry-After once a lane’s queue is full, without touching the other lane', async () => {
    const work = new PasswordWork({ concurrency: 1, newPasswordConcurrency: 1, maxWaiting: 2 });
    const { started, submit, finish } = harness(work);
    void submit('new-password', 'running');
    void submit('new-password', 'waiting1');
    void submit('new-password', 'waiting2');
    const refused = await submit('new-password', 'refused').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    const signIn = submit('sign-in', 'signin');
    expect(work.load['sign-in']).toEqual({ running: 0, waiting: 1 });
    await finish('running');
    expect(started).toEqual(['running', 'signin']);
    await finish('signin');
    await expect(signIn).resolves.toBe('signin');
    expect(started).toEqual(['running', 'signin', 'waiting1']);
  });

  it('frees the slot when the work fails, and passes the failure on', async () => {
    const work = new PasswordWork({ concurrency: 1 });
    await expect(
      work.run('sign-in', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      work.run('sign-in', () => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(work.run('sign-in', async () => 'ok')).resolves.toBe('ok');
    expect(work.load['sign-in']).toEqual({ running: 0, waiting: 0 });
  });

  it('by default runs 2 at once, at most 1 of them a new password, with 32 waiting per kind', async () => {
    const work = new PasswordWork();
    const { submit } = harness(work);
    for (let i = 0; i < 33; i++) void submit('new-password', `n${i}`).catch(() => {});
    expect(work.load['new-password']).toEqual({ running: 1, waiting: 32 });
    const refused = await submit('new-password', 'one too many').catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 503 });
    for (let i = 0; i < 34; i++) void submit('sign-in', `s${i}`).catch(() => {});
    expect(work.load['sign-in']).toEqual({ running: 1, waiting: 32 });
    const refusedSignIn = await submit('sign-in', 'one too many').catch((error: unknown) => error);
    expect(refusedSignIn).toMatchObject({ status: 503 });
  });
});
