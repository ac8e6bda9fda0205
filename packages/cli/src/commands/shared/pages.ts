import type { CursorPagination, OffsetPagination, PagePromise } from '@onepin/sdk';
import { type Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { parseLimit, parseOffset } from '../../options/parsers.js';

/** The paging options of a list command. */
export interface PageOptions {
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
  /** Fetch every page and print them as one list (one JSON array with --json). */
  all?: boolean | undefined;
}

/** The page size used with --all when no --limit is given: the server's maximum. */
const ALL_PAGE_SIZE = 100;

/** Adds `--limit`, `--offset` (or `--cursor` for cursor lists) and `--all`. */
export function addPageOptions(command: Command, kind: 'offset' | 'cursor' = 'offset'): Command {
  command.addOption(
    new Option('--limit <n>', 'items per page, 1–100 (with --all: per request)').argParser(
      parseLimit,
    ),
  );
  if (kind === 'offset') {
    command.addOption(
      new Option('--offset <n>', 'items to skip').argParser(parseOffset).conflicts('all'),
    );
  } else {
    command.addOption(
      new Option('--cursor <cursor>', 'where the previous page ended').conflicts('all'),
    );
  }
  return command.option('--all', 'fetch every page');
}

/** The query of the first page for these options. */
export function pageQuery(options: PageOptions): {
  limit?: number;
  offset?: number;
  cursor?: string;
} {
  const limit = options.limit ?? (options.all ? ALL_PAGE_SIZE : undefined);
  return {
    ...(limit !== undefined && { limit }),
    ...(options.offset !== undefined && { offset: options.offset }),
    ...(options.cursor !== undefined && { cursor: options.cursor }),
  };
}

/** A list's items: the first page, or with --all every page (the SDK walks them). */
export async function collect<Item, P extends OffsetPagination | CursorPagination>(
  pages: PagePromise<Item, P>,
  options: PageOptions,
): Promise<{ items: Item[]; pagination: P | undefined }> {
  if (!options.all) {
    const page = await pages;
    return { items: page.data, pagination: page.pagination };
  }
  const items: Item[] = [];
  for await (const item of pages) items.push(item);
  return { items, pagination: undefined };
}

/** On stderr, when more items exist: how to get them. */
export function printMore(
  ctx: CliContext,
  pagination: OffsetPagination | CursorPagination | undefined,
  noun: string,
): void {
  if (!pagination?.next) return;
  if ('cursor' in pagination) {
    ctx.out.message(`More ${noun}: --cursor ${pagination.cursor} (or --all for every page)`);
    return;
  }
  const first = pagination.offset + 1;
  const last = Math.min(pagination.offset + pagination.limit, pagination.total);
  ctx.out.message(
    `Showing ${first}–${last} of ${pagination.total} ${noun}. Next page: --offset ${last} (or --all)`,
  );
}
