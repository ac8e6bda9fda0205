import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';
import type { Upload } from './uploads.js';

// PROVISIONAL: hand-written from SPEC §5 until the server publishes the workflow routes; then
// these become aliases of the generated `components['schemas'][…]` types.

/** A node of a workflow graph: a unique `id` and a `type` such as `source_script`. */
export interface WorkflowNode {
  id: string;
  type: string;
  [option: string]: unknown;
}

/** An edge between two nodes of the same graph. */
export interface WorkflowEdge {
  from: string;
  to: string;
}

/** What a workflow does: a graph of nodes and the edges between them. */
export interface WorkflowDefinition {
  graph: { nodes: WorkflowNode[]; edges: WorkflowEdge[] };
  [section: string]: unknown;
}

/** A named voice-production graph of one workspace. */
export interface Workflow {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  definition: WorkflowDefinition;
  created_at: string;
  updated_at: string;
}

export interface WorkflowCreateParams {
  /** 1–200 characters, unique in the workspace (else `ConflictError`). */
  name: string;
  /** Up to 5000 characters. */
  description?: string | null;
  definition?: WorkflowDefinition;
}

/** Everything a workflow is: `replace` sets every field, resetting the ones left out. */
export interface WorkflowReplaceParams {
  name: string;
  description?: string | null;
  definition: WorkflowDefinition;
}

/** The fields to change; the others stay as they are. */
export type WorkflowUpdateParams = Partial<WorkflowCreateParams>;

export interface WorkflowListParams {
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
  /** Matches the name. */
  search?: string;
  sort?: 'name' | 'created_at' | 'updated_at';
  order?: 'asc' | 'desc';
}

/** `client.workflows`: the workspace's workflows (`workflows:read` / `workflows:write`). */
export class Workflows extends APIResource {
  /**
   * The workspace's workflows, one page at a time; `for await` walks them all.
   *
   * @example for await (const workflow of client.workflows.list({ search: 'podcast' })) …
   */
  list(
    params: WorkflowListParams = {},
    options?: RequestOptions,
  ): PagePromise<Workflow, OffsetPagination> {
    return listPages(this._transport, '/api/v1/workflows', { ...params }, options);
  }

  /** One workflow by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Workflow> {
    return this._data({ method: 'GET', path: path`/api/v1/workflows/${id}` }, options);
  }

  /** Makes a workflow; a name already taken in the workspace is a `ConflictError`. */
  async create(params: WorkflowCreateParams, options?: RequestOptions): Promise<Workflow> {
    return this._data({ method: 'POST', path: '/api/v1/workflows', json: params }, options);
  }

  /** Changes the given fields (PATCH). */
  async update(
    id: string,
    params: WorkflowUpdateParams,
    options?: RequestOptions,
  ): Promise<Workflow> {
    return this._data(
      { method: 'PATCH', path: path`/api/v1/workflows/${id}`, json: params },
      options,
    );
  }

  /** Replaces the whole workflow (PUT). */
  async replace(
    id: string,
    params: WorkflowReplaceParams,
    options?: RequestOptions,
  ): Promise<Workflow> {
    return this._data(
      { method: 'PUT', path: path`/api/v1/workflows/${id}`, json: params },
      options,
    );
  }

  /** Deletes a workflow; afterwards it is a `NotFoundError`. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this._send({ method: 'DELETE', path: path`/api/v1/workflows/${id}` }, options);
  }

  /** Copies a workflow under the name "<name> (Copy)". */
  async duplicate(id: string, options?: RequestOptions): Promise<Workflow> {
    return this._data({ method: 'POST', path: path`/api/v1/workflows/${id}/duplicate` }, options);
  }

  /** The uploads confirmed for this workflow. */
  uploads(
    id: string,
    params: { limit?: number; offset?: number } = {},
    options?: RequestOptions,
  ): PagePromise<Upload, OffsetPagination> {
    return listPages(
      this._transport,
      () => path`/api/v1/workflows/${id}/uploads`,
      { ...params },
      options,
    );
  }
}
