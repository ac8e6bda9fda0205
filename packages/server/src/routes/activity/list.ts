import type { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from '../../api-error.js';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { meta } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ActivityEventOut, ActivityQuery, toActivityEventOut } from '../../schemas/activity.js';
import { cursorListEnvelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { listActivity } from '../../services/activity.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** The audit log at `path`: the public API's `/usage/activity`, and `/activity` beside it. */
function activityRoute(path: '/api/v1/usage/activity' | '/api/v1/activity', summary: string) {
  return protectedRoute('workspace:read', {
    method: 'get',
    path,
    tags: ['Workspace'],
    summary,
    description:
      'Newest first, a cursor page at a time. An API key sees the events of its own environment (live or test).',
    request: { query: ActivityQuery },
    responses: {
      200: jsonContent(cursorListEnvelope(ActivityEventOut), 'One page of events'),
      ...errorResponses(404, 422),
    },
  });
}

function nextPagePath(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl);
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

function serve(app: OpenAPIHono<AppEnv>, deps: AppDeps, route: ReturnType<typeof activityRoute>) {
  app.openapi(route, async (c) => {
    const { limit, cursor, range, type, user_id, timezone } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after === null) {
      throw new ApiError('VALIDATION_ERROR', undefined, {
        details: [{ field: 'cursor', message: 'is not a cursor this server gave out' }],
      });
    }
    const page = await listActivity(deps, c.get('principal'), {
      limit,
      after,
      range,
      type,
      userId: user_id,
      timeZone: timezone ?? 'UTC',
    });
    const last = page.items.at(-1);
    const nextCursor =
      page.hasMore && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
    return jsonResponse(
      c,
      {
        data: page.items.map(toActivityEventOut),
        pagination: {
          limit,
          cursor: nextCursor,
          next: nextCursor && nextPagePath(c.req.url, nextCursor),
          prev: null,
        },
        meta: meta(c, deps.clock.now()),
      },
      200,
    );
  });
}

/** `GET /usage/activity`, the public OnePin API's path of the audit log. */
export const registerUsageActivity: RouteRegistrar = (app, deps) =>
  serve(
    app,
    deps,
    activityRoute('/api/v1/usage/activity', "The workspace's activity, newest first"),
  );

/** `GET /activity`: the same log at this server's first path, kept for its clients. */
export const registerListActivity: RouteRegistrar = (app, deps) =>
  serve(app, deps, activityRoute('/api/v1/activity', "The workspace's audit log, newest first"));
