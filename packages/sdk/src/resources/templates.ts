import type { components, paths } from '../generated/openapi.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';
import type { Workflow } from './workflows.js';

/** A reusable workflow snapshot; starter templates ship with the server. Ids are 8 base62 characters. */
export type Template = components['schemas']['Template'];
/** `media`, `creative`, `business`, `education` or `wellness`. */
export type TemplateCategory = components['schemas']['TemplateCategory'];
/** The new workflow's `name`; without it "<template name> (Copy)", or "(Copy 2)"… when taken. */
export type TemplateCloneParams = components['schemas']['WorkflowCopy'];

type GeneratedTemplateListParams = NonNullable<
  paths['/api/v1/templates']['get']['parameters']['query']
>;

/**
 * A category to filter by. Any string is accepted, so user input can be passed through (the
 * server answers an unknown one with a 422); the known ones still show up as suggestions.
 */
type CategoryFilter = TemplateCategory | (string & Record<never, never>);

/** `limit` (1–100, default 50), `offset`, `search` (part of the name) and `category`. */
export type TemplateListParams = Omit<GeneratedTemplateListParams, 'category'> & {
  /** One category, or several to match any of them. */
  category?: CategoryFilter | readonly CategoryFilter[];
};

/** `client.templates`: the template gallery (`templates:read`), cloned into workflows. */
export class Templates extends APIResource {
  /**
   * The templates in gallery order, one page at a time; `for await` walks them all.
   *
   * @example const page = await client.templates.list({ category: ['media', 'business'] });
   */
  list(
    params: TemplateListParams = {},
    options?: RequestOptions,
  ): PagePromise<Template, OffsetPagination> {
    return listPages(this._transport, '/api/v1/templates', { ...params }, options);
  }

  /** One template by id (ids are case-sensitive). */
  async retrieve(id: string, options?: RequestOptions): Promise<Template> {
    return this._data({ method: 'GET', path: path`/api/v1/templates/${id}` }, options);
  }

  /**
   * Makes a new workflow from a template. Needs `workflows:write` (the clone is a workflow),
   * not `templates:read`; a `name` already taken is a `ConflictError`.
   */
  async clone(
    id: string,
    params: TemplateCloneParams = {},
    options?: RequestOptions,
  ): Promise<Workflow> {
    return this._data(
      { method: 'POST', path: path`/api/v1/templates/${id}/clone`, json: params },
      options,
    );
  }
}
