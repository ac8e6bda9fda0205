import type { components, paths } from '../generated/openapi.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';
import type { Upload } from './uploads.js';

/** A named voice-production graph of one workspace, in the live or test data set of the key. */
export type Workflow = components['schemas']['Workflow'];
/**
 * What a workflow does, as stored and returned: the public OnePin graph `{graph: {nodes,
 * edges}}` plus any other fields (e.g. `execution`), kept as sent.
 */
export type WorkflowDefinition = components['schemas']['WorkflowDefinition'];
/**
 * A definition as sent: the official graph, or edges in the older `{from, to, port}` form and
 * nodes without a position (the server stores both in the official form).
 */
export type WorkflowDefinitionInput = components['schemas']['WorkflowDefinitionInput'];
/** A node of the graph: an `id` unique in the graph, a `type` such as `source_script`, a `position`. */
export type WorkflowNode = components['schemas']['WorkflowNode'];
/** An edge `{id, source, sourcePort, target, targetPort}`: from one node's output port to another's input. */
export type WorkflowEdge = components['schemas']['WorkflowEdge'];
/** `name` (1–200, unique in the workspace), `description` (≤ 5000), `definition` (default: empty). */
export type WorkflowCreateParams = components['schemas']['WorkflowCreate'];
/** Everything a workflow is: `replace` sets every field; a left-out `description` becomes null. */
export type WorkflowReplaceParams = components['schemas']['WorkflowReplace'];
/** The fields to change (at least one); the others stay as they are. */
export type WorkflowUpdateParams = components['schemas']['WorkflowUpdate'];
/** `name` of the copy; without it the server picks "<name> (Copy)", "(Copy 2)"… */
export type WorkflowDuplicateParams = components['schemas']['WorkflowCopy'];
/**
 * `limit` (1–100, default 50), `offset`, `search` (case-insensitive part of the name),
 * `sort` (`name`, `created_at`, `updated_at` — the default — or `runs_count`; a list for
 * several keys) and `order` (parallel to `sort`; default `asc` for `name`, `desc` otherwise),
 * and the public API's run filters (`status`, `has_failed_run`, `last_run_after`/`_before`),
 * answered as for workflows never run.
 */
export type WorkflowListParams = NonNullable<
  paths['/api/v1/workflows']['get']['parameters']['query']
>;
/** `limit` (1–100, default 50) and `offset`. */
export type WorkflowUploadsParams = NonNullable<
  paths['/api/v1/workflows/{id}/uploads']['get']['parameters']['query']
>;
/** The answer to a delete: the id and `deleted: true`. */
export type Deleted = components['schemas']['Deleted'];

/** `client.workflows`: the workspace's workflows (`workflows:read` / `workflows:write`). */
export class Workflows extends APIResource {
  /**
   * The workflows, one page at a time (most recently updated first); `for await` walks
   * them all.
   *
   * @example for await (const workflow of client.workflows.list({ search: 'podcast' })) …
   */
  list(
    params: WorkflowListParams = {},
    options?: RequestOptions,
  ): PagePromise<Workflow, OffsetPagination> {
    return listPages(this._transport, '/api/v1/workflows', { ...params }, options);
  }

  /** One workflow by id; a deleted one, or another workspace's, is a `NotFoundError`. */
  async retrieve(id: string, options?: RequestOptions): Promise<Workflow> {
    return this._data({ method: 'GET', path: path`/api/v1/workflows/${id}` }, options);
  }

  /**
   * Makes a workflow. A name already taken in the workspace is a `ConflictError`; a graph
   * whose edges name missing nodes an `UnprocessableEntityError` naming the field.
   */
  async create(params: WorkflowCreateParams, options?: RequestOptions): Promise<Workflow> {
    return this._data({ method: 'POST', path: '/api/v1/workflows', json: params }, options);
  }

  /** Changes the given fields (PATCH); `description: null` clears it. */
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

  /**
   * Deletes a workflow: from then on it is a `NotFoundError` and its name is free again.
   * Its uploads stay.
   */
  async delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this._data({ method: 'DELETE', path: path`/api/v1/workflows/${id}` }, options);
  }

  /** Copies a workflow, named "<name> (Copy)" (or "(Copy 2)"… when taken) unless `name` is given. */
  async duplicate(
    id: string,
    params: WorkflowDuplicateParams = {},
    options?: RequestOptions,
  ): Promise<Workflow> {
    return this._data(
      { method: 'POST', path: path`/api/v1/workflows/${id}/duplicate`, json: params },
      options,
    );
  }

  /** The uploads confirmed for this workflow, newest first, one page at a time. */
  uploads(
    id: string,
    params: WorkflowUploadsParams = {},
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
