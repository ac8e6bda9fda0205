import type { TestDialect } from '@onepin/db/test-support';
import {
  createTestWorld,
  type TestWorkspace,
  type TestWorld,
  type TestWorldOptions,
} from '@onepin/server/test-support';
import { type ClientOptions, OnePinClient } from '../index.js';

/** A base URL that no network can answer: every request goes to the in-process app. */
export const IN_PROCESS_BASE_URL = 'http://onepin.test';

/**
 * Stands between the client and the app to inject what a real server cannot produce (a lost
 * answer, a 503): it gets each request and `forward`, which hands a request to the app.
 */
export type Interceptor = (
  request: Request,
  forward: (request: Request) => Promise<Response>,
) => Promise<Response>;

export interface SdkClientOptions extends Omit<ClientOptions, 'token'> {
  intercept?: Interceptor;
}

export interface SdkWorld {
  world: TestWorld;
  workspace: TestWorkspace;
  /** Every request the SDK sent, for tests that check headers and retries. */
  requests: Request[];
  /** A client for a new live key of `workspace` holding `scopes`. */
  client(scopes: string[], options?: SdkClientOptions): Promise<OnePinClient>;
  /** A client for an existing token. */
  clientFor(token: string, options?: SdkClientOptions): OnePinClient;
  dispose(): Promise<void>;
}

/** The real server app on a fresh database of `dialect`, and SDK clients wired to it in process. */
export async function createSdkWorld(
  dialect: TestDialect,
  options: TestWorldOptions = {},
): Promise<SdkWorld> {
  const world = await createTestWorld(dialect, options);
  const workspace = await world.createWorkspace('Acme');
  const requests: Request[] = [];
  const forward = async (request: Request) => world.app.request(request);
  const clientFor = (token: string, { intercept, ...clientOptions }: SdkClientOptions = {}) =>
    new OnePinClient({
      token,
      baseUrl: IN_PROCESS_BASE_URL,
      fetch: async (request) => {
        requests.push(request.clone());
        return intercept ? intercept(request, forward) : forward(request);
      },
      // Retries wait on the server's fake clock, so a Retry-After of 60 s takes no time.
      sleep: async (ms) => world.clock.advance(ms),
      ...clientOptions,
    });
  return {
    world,
    workspace,
    requests,
    clientFor,
    async client(scopes, clientOptions) {
      const key = await world.createKey(workspace, { scopes });
      return clientFor(key.plaintext, clientOptions);
    },
    dispose: () => world.dispose(),
  };
}
