import type { components } from './generated/openapi.js';
import { envelopeOf } from './internal/envelope.js';
import type { Query, RequestOptions, Transport } from './internal/transport.js';

/** Offset pagination: `limit`, `offset`, `total`, and the `next`/`prev` page paths. */
export type OffsetPagination = components['schemas']['OffsetPagination'];
/** Cursor pagination: pass `cursor` back for the next page; `null` on the last one. */
export type CursorPagination = components['schemas']['CursorPagination'];
export type Pagination = OffsetPagination | CursorPagination;

/** Everything a page needs to fetch the one after it. */
interface PageSource {
  transport: Transport;
  path: string;
  query: Query;
  options: RequestOptions;
}

/**
 * One page of a list: its items in `data` and the server's `pagination`. Iterating a page
 * with `for await` yields its items and then those of every following page.
 */
export class Page<Item, P extends Pagination = Pagination> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** Where this page sits in the list. */
  readonly pagination: P;
  readonly #source: PageSource;

  /** @internal */
  constructor(data: Item[], pagination: P, source: PageSource) {
    this.data = data;
    this.pagination = pagination;
    this.#source = source;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.#nextQuery() !== null;
  }

  /** Fetches the next page; throws when there is none (check `hasNextPage()` first). */
  async getNextPage(): Promise<Page<Item, P>> {
    const query = this.#nextQuery();
    if (query === null) throw new RangeError('This is the last page; check hasNextPage() first.');
    return fetchPage<Item, P>({ ...this.#source, query });
  }

  /** This page and every page after it, fetched one at a time as you go. */
  async *iterPages(): AsyncGenerator<Page<Item, P>, void, undefined> {
    let page: Page<Item, P> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** The items of this page and of every page after it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  /**
   * The query of the next page. Cursor pages pass `cursor` back; offset pages follow the
   * server's `next` link, whose query is taken as is and sent to the list's own path (so a
   * base URL with a path prefix keeps working).
   */
  #nextQuery(): Query | null {
    // A list answered without pagination is a single page.
    const pagination = (this.pagination ?? {}) as Partial<OffsetPagination & CursorPagination>;
    if ('cursor' in pagination) {
      return pagination.cursor ? { ...this.#source.query, cursor: pagination.cursor } : null;
    }
    if (!pagination.next) return null;
    const params = new URL(pagination.next, 'http://next.invalid').searchParams;
    return Object.fromEntries(
      [...new Set(params.keys())].map((name) => [name, params.getAll(name)]),
    );
  }
}

/** A page of offset pagination (`limit`/`offset`/`total`). */
export type OffsetPage<Item> = Page<Item, OffsetPagination>;
/** A page of cursor pagination. */
export type CursorPage<Item> = Page<Item, CursorPagination>;

/**
 * What list methods return: await it for the first page, or iterate it with `for await`
 * for every item across all pages. The request starts on first use.
 *
 * @example
 * for await (const workflow of client.workflows.list({ limit: 100 })) console.log(workflow.name);
 */
export class PagePromise<Item, P extends Pagination = Pagination>
  implements PromiseLike<Page<Item, P>>, AsyncIterable<Item>
{
  readonly #load: () => Promise<Page<Item, P>>;
  #promise: Promise<Page<Item, P>> | undefined;

  /** @internal */
  constructor(load: () => Promise<Page<Item, P>>) {
    this.#load = load;
  }

  #page(): Promise<Page<Item, P>> {
    this.#promise ??= this.#load();
    return this.#promise;
  }

  // biome-ignore lint/suspicious/noThenProperty: a page promise is meant to be awaited.
  then<R1 = Page<Item, P>, R2 = never>(
    onfulfilled?: ((page: Page<Item, P>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#page().then(onfulfilled, onrejected);
  }

  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<Page<Item, P> | R> {
    return this.#page().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<Item, P>> {
    return this.#page().finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this.#page();
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}

/** GETs one page of a list. */
export async function fetchPage<Item, P extends Pagination>(
  source: PageSource,
): Promise<Page<Item, P>> {
  const result = await source.transport.request(
    { method: 'GET', path: source.path, query: source.query },
    source.options,
  );
  const envelope = envelopeOf(result);
  return new Page(envelope.data as Item[], envelope.pagination as P, source);
}

/** A list call: the page promise for `path` (built on first use) with `query`. */
export function listPages<Item, P extends Pagination>(
  transport: Transport,
  path: string | (() => string),
  query: Query,
  options: RequestOptions = {},
): PagePromise<Item, P> {
  return new PagePromise(async () =>
    fetchPage<Item, P>({
      transport,
      path: typeof path === 'string' ? path : path(),
      query,
      options,
    }),
  );
}
