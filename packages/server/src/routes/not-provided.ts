import { ApiError } from '../api-error.js';
import {
  declareHandler,
  JSON_BODY,
  type RouteRegistrar,
  type RouteRules,
} from './route-definition.js';

/** A group of the public OnePin API's operations that this server does not provide. */
export interface NotProvidedGroup {
  /** What the README lists as not provided. */
  what: string;
  /** `METHOD /path/{param}` as the public API documents them. */
  operations: readonly string[];
}

/**
 * Every operation of the public OnePin API (its official Python client) that this server
 * does not provide. Each answers 404 `NOT_PROVIDED` in the error envelope, naming what is
 * missing, after authentication like any `/api/v1` request: not a bare "No such route", nor
 * (for `/workspaces/slug-available`) a route that took the path for an id. A 404 and not a
 * 501: the official client retries every 5xx twice, waiting for the rate-limit window to
 * reset, so a 501 would hang its CLI for up to two minutes before saying anything. The
 * compatibility suite checks this list against the official client, both ways.
 */
export const NOT_PROVIDED: readonly NotProvidedGroup[] = [
  {
    what: 'Workflow runs and estimates',
    operations: [
      'POST /api/v1/workflows/{workflow_id}/estimate',
      'GET /api/v1/workflows/{workflow_id}/runs',
      'POST /api/v1/workflows/{workflow_id}/runs',
      'POST /api/v1/workflows/{workflow_id}/runs/preview',
      'GET /api/v1/workflows/{workflow_id}/runs/summary',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/audio/{audio_id}/url',
      'POST /api/v1/workflows/{workflow_id}/runs/{run_id}/cancel',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/data',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/download',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/nodes/{node_id}/download',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/outputs',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/overview',
      'POST /api/v1/workflows/{workflow_id}/runs/{run_id}/pause',
      'POST /api/v1/workflows/{workflow_id}/runs/{run_id}/resume',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/status',
      'GET /api/v1/workflows/{workflow_id}/runs/{run_id}/steps',
    ],
  },
  {
    what: 'Voices',
    operations: [
      'GET /api/v1/voices',
      'GET /api/v1/voices/facets',
      'GET /api/v1/voices/{voice_id}',
      'GET /api/v1/voices/{voice_id}/similar',
      'POST /api/v1/voices/{voice_id}/favorite',
      'DELETE /api/v1/voices/{voice_id}/favorite',
    ],
  },
  {
    what: 'The pronunciation dictionary',
    operations: [
      'GET /api/v1/dictionary',
      'POST /api/v1/dictionary',
      'GET /api/v1/dictionary/languages',
      'GET /api/v1/dictionary/search',
      'POST /api/v1/dictionary/suggest-pronunciation',
      'PUT /api/v1/dictionary/{entry_id}',
      'DELETE /api/v1/dictionary/{entry_id}',
    ],
  },
  {
    what: 'The node catalogue',
    operations: [
      'GET /api/v1/nodes',
      'GET /api/v1/nodes/{node_type}',
      'GET /api/v2/nodes/{node_type}',
    ],
  },
  {
    what: 'TTS providers and models',
    operations: [
      'GET /api/v1/providers',
      'GET /api/v1/providers/{provider}',
      'GET /api/v1/providers/{provider}/models',
      'GET /api/v1/providers/{provider}/models/{model}',
      'GET /api/v1/providers/{provider}/models/{model}/voices',
    ],
  },
  {
    what: 'Credits, plan limits and the user’s own settings',
    operations: [
      'GET /api/v1/users/me/credits',
      'GET /api/v1/users/me/limits',
      'GET /api/v1/users/me/notification-preferences',
      'PATCH /api/v1/users/me/notification-preferences',
      'GET /api/v1/users/me/templates',
    ],
  },
  {
    what: 'Usage summaries (the activity log is provided)',
    operations: ['GET /api/v1/usage/summary', 'GET /api/v1/usage/by-language'],
  },
  {
    what: 'Workspace templates (the starter gallery is read-only), favourites and estimates',
    operations: [
      'POST /api/v1/templates',
      'PATCH /api/v1/templates/{template_id}',
      'DELETE /api/v1/templates/{template_id}',
      'GET /api/v1/templates/{template_id}/estimate',
      'POST /api/v1/templates/{template_id}/favorite',
      'DELETE /api/v1/templates/{template_id}/favorite',
    ],
  },
  {
    what: 'Creating, renaming and deleting workspaces, and their settings',
    operations: [
      'POST /api/v1/workspaces',
      'GET /api/v1/workspaces/slug-available',
      'PATCH /api/v1/workspaces/{workspace_id}',
      'DELETE /api/v1/workspaces/{workspace_id}',
      'GET /api/v1/workspaces/{ws_id}/settings',
    ],
  },
];

/**
 * Answers every not-provided operation with 404 `NOT_PROVIDED`. Registered before the API's own routes, so
 * that a literal path such as `/workspaces/slug-available` is not taken for an id.
 */
export const registerNotProvided: RouteRegistrar = (app) => {
  for (const group of NOT_PROVIDED) {
    for (const operation of group.operations) {
      const [method = '', path = ''] = operation.split(' ');
      declareHandler(app, method, path.replaceAll(/\{(\w+)\}/g, ':$1'), rulesFor(path), () => {
        throw new ApiError(
          'NOT_PROVIDED',
          `${group.what}: not provided by this server (${method} ${path}).`,
        );
      });
    }
  }
};

/** As any request to its path: a credential under `/api/v1` (so an anonymous caller learns
 * nothing), none elsewhere; a JSON body either way. */
function rulesFor(path: string): RouteRules {
  return path.startsWith('/api/v1/')
    ? { auth: { mode: 'key-or-session', scope: null }, body: JSON_BODY }
    : { auth: { mode: 'public' }, body: JSON_BODY };
}
