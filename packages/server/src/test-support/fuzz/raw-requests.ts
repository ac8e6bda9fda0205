import type { Random } from './random.js';
import { type FuzzTargets, fuzzRequest } from './requests.js';

/**
 * Bytes on the wire that no HTTP client library would send: broken request lines, illegal
 * header bytes, lying lengths, bad chunking, odd request targets. Each ends the request and
 * asks to close, so the server answers (or drops the connection) at once.
 */
export function rawFuzzRequest(random: Random, targets: FuzzTargets): Buffer {
  const base = fuzzRequest(random, targets);
  const body =
    base.body === undefined
      ? Buffer.alloc(0)
      : typeof base.body === 'string'
        ? Buffer.from(base.body)
        : Buffer.from(base.body);
  const headerLines = Object.entries(base.headers).map(([name, value]) => `${name}: ${value}`);
  const line = (method: string, target: string, version = 'HTTP/1.1') =>
    `${method} ${target} ${version}`;
  const join = (requestLine: string, headers: string[], payload: Buffer = body) =>
    Buffer.concat([
      Buffer.from(
        `${[requestLine, 'Host: 127.0.0.1', 'Connection: close', ...headers].join('\r\n')}\r\n\r\n`,
        'latin1',
      ),
      payload,
    ]);
  const withLength = [...headerLines, `Content-Length: ${body.length}`];

  return random.pick<() => Buffer>([
    // Targets a client library would normalise or refuse.
    () =>
      join(
        line(base.method, base.target.replaceAll('%2e', '.').replaceAll('%2f', '/')),
        withLength,
      ),
    () =>
      join(
        line(
          'GET',
          `/api/v1/${random.pick(['../../etc/passwd', '..\\..\\', './.', '%', 'a b', '\u0000'])}`,
        ),
        headerLines,
      ),
    () => join(line('GET', 'http://evil.example/api/v1/auth/whoami'), headerLines),
    () => join(line('OPTIONS', '*'), headerLines),
    () => join(line('CONNECT', '127.0.0.1:443'), headerLines),
    () => join(line('TRACE', '/api/v1/auth/whoami'), headerLines),
    () => join(line('get', base.target), headerLines),
    () => join(line('G E T', base.target), headerLines),
    () => join(line('X'.repeat(random.int(20, 2_000)), base.target), headerLines),
    () =>
      join(
        line(
          base.method,
          base.target,
          random.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1x', '']),
        ),
        withLength,
      ),
    () => join(`${base.method} ${base.target}`, withLength),
    // UTF-8 and control bytes where only ASCII belongs.
    () => join(line('GET', `/api/v1/${'é💥'.repeat(random.int(1, 50))}`), headerLines),
    () =>
      Buffer.concat([
        join(line(base.method, base.target), [...withLength, 'X-Name: ']).subarray(0, -4),
        Buffer.from('\u00e9\u{1f4a5}\r\n\r\n', 'utf8'),
        body,
      ]),
    () =>
      join(line(base.method, base.target), [
        ...withLength,
        `Authorization: Bearer ${'\u0001\u007f'.repeat(5)}`,
      ]),
    () =>
      join(line(base.method, base.target), [
        ...withLength,
        'Bad Header: x',
        'X-Folded: a',
        ' continued',
      ]),
    () =>
      join(line(base.method, base.target), [...withLength, `${'X'.repeat(random.int(1, 200))}:`]),
    () => join(line(base.method, base.target), [...withLength, ': no name']),
    // Lengths that lie or disagree.
    () =>
      join(
        line('POST', '/api/v1/api-keys'),
        [...headerLines, 'Content-Length: 5'],
        Buffer.from('{"name":"much longer than five"}'),
      ),
    () =>
      join(
        line('POST', '/api/v1/api-keys'),
        [...headerLines, 'Content-Length: 1', 'Content-Length: 2'],
        Buffer.from('{}'),
      ),
    () => join(line('POST', '/api/v1/api-keys'), [...headerLines, 'Content-Length: -1']),
    () => join(line('POST', '/api/v1/api-keys'), [...headerLines, 'Content-Length: 1e3']),
    () =>
      join(
        line('POST', '/api/v1/api-keys'),
        [...headerLines, 'Content-Length: 5', 'Transfer-Encoding: chunked'],
        Buffer.from('0\r\n\r\n'),
      ),
    () =>
      join(
        line('POST', '/api/v1/api-keys'),
        [...headerLines, 'Transfer-Encoding: chunked'],
        Buffer.from(
          `${random.pick(['zz', '-1', 'ffffffffffffffff', '5'])}\r\n{"a":1}\r\n0\r\n\r\n`,
        ),
      ),
    () =>
      join(
        line('POST', '/api/v1/api-keys'),
        [...headerLines, 'Transfer-Encoding: gzip, chunked'],
        Buffer.from('0\r\n\r\n'),
      ),
    () =>
      join(line(base.method, base.target), [
        ...withLength,
        `X-Many: ${'a,'.repeat(random.int(10, 5_000))}`,
      ]),
  ])();
}
