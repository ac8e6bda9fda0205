import { envelopeOf } from './internal/envelope.js';
import type { ApiResponse, RequestOptions, RequestSpec, Transport } from './internal/transport.js';

/** The base of the resource namespaces (`client.workflows`, `client.apiKeys`, …). */
export abstract class APIResource {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** @internal */
  protected get _transport(): Transport {
    return this.#transport;
  }

  /** @internal Sends the request and resolves to the envelope's `data`. */
  protected async _data<T>(spec: RequestSpec, options?: RequestOptions): Promise<T> {
    return envelopeOf(await this.#transport.request(spec, options)).data as T;
  }

  /** @internal Sends the request and resolves to the raw response (for bodies without data). */
  protected _send(spec: RequestSpec, options?: RequestOptions): Promise<ApiResponse> {
    return this.#transport.request(spec, options);
  }
}
