import { connect, type Socket } from 'node:net';

/** A socket to the server and the raw text it answers with, for requests a client library
 * would not send: partial, slow or malformed. */
export interface RawConnection {
  socket: Socket;
  send(text: string): void;
  /** Everything received until the server closed the connection (or `timeoutMs` passed). */
  received(timeoutMs?: number): Promise<string>;
  /** Resolves once the server's answer contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<string>;
}

export async function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let data = '';
  let closed = false;
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString('latin1');
    for (const listener of listeners) listener();
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
    for (const listener of listeners) listener();
  });
  const until = (done: () => boolean, timeoutMs: number) =>
    new Promise<string>((resolve) => {
      const finish = () => {
        listeners.delete(check);
        clearTimeout(timer);
        resolve(data);
      };
      const check = () => {
        if (done()) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      listeners.add(check);
      check();
    });
  return {
    socket,
    send: (text) => socket.write(text),
    received: (timeoutMs = 5_000) => until(() => closed, timeoutMs),
    waitFor: (text, timeoutMs = 5_000) => until(() => data.includes(text) || closed, timeoutMs),
  };
}
