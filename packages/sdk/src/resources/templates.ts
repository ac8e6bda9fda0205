import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';
import type { Workflow, WorkflowDefinition } from './workflows.js';

// PROVISIONAL: hand-written from SPEC §5 until the server publishes the template routes.

/** A reusable workflow snapshot; starter templates ship with the server. Ids are 8 base62 characters. */
export interface Template {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  definition: WorkflowDefinition;
  created_at: string;
  updated_at: string;
}

export interface TemplateListParams {
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
  search?: string;
  category?: string;
}

export interface TemplateCloneParams {
  /** The new workflow's name; default "<template name> (Copy)". */
  name?: string;
}

/** `client.templates`: starter templates (`templates:read`), cloned into workflows. */
export class Templates extends APIResource {
  /** The templates, one page at a time; `for await` walks them all. */
  list(
    params: TemplateListParams = {},
    options?: RequestOptions,
  ): PagePromise<Template, OffsetPagination> {
    return listPages(this._transport, '/api/v1/templates', { ...params }, options);
  }

  /** One template by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Template> {
    return this._data({ method: 'GET', path: path`/api/v1/templates/${id}` }, options);
  }

  /** Makes a new workflow from a template (`workflows:write`). */
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
