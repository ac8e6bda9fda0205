import { ApiError } from '../api-error.js';
import {
  declareHandler,
  JSON_BODY,
  type RouteRegistrar,
  type RouteRules,
} from './route-definition.js';

/** Any body, limited as JSON bodies are: outside the API nothing says what it should be. */
const ANY_BODY = Object.freeze({ kind: 'bytes' } as const);

/**
 * Requests no route answered, by where they went. Under `/api/v1` the caller authenticates
 * first, as for any operation: without a credential it learns nothing, not even which paths
 * exist (401, as Stripe answers); with one, 404. Elsewhere under `/api/`, the JSON body
 * policy; anywhere else, the size limit. Registered last, so it only sees what no route took.
 */
const UNMATCHED: ReadonlyArray<readonly [path: string, rules: RouteRules]> = [
  ['/api/v1/*', { auth: { mode: 'key-or-session', scope: null }, body: JSON_BODY }],
  ['/api/*', { auth: { mode: 'public' }, body: JSON_BODY }],
  ['*', { auth: { mode: 'public' }, body: ANY_BODY }],
];

export const registerUnmatched: RouteRegistrar = (app) => {
  for (const [path, rules] of UNMATCHED) {
    declareHandler(app, 'ALL', path, rules, () => {
      throw new ApiError('NOT_FOUND', 'No such route.');
    });
  }
};
