import { listAuditEvents } from '@onepin/db';
import { ApiError } from '../../api-error.js';
import { meta } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ActivityEventOut, ActivityQuery, toActivityEventOut } from '../../schemas/activity.js';
import { cursorListEnvelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const route = protectedRoute('workspace:read', {
  method: 'get',
  path: '/api/v1/activity',
  tags: ['Workspace'],
  summary: "The workspace's audit log, newest first",
  description: 'An API key sees the events of its own environment (live or test).',
  request: { query: ActivityQuery },
  responses: {
    200: jsonContent(cursorListEnvelope(ActivityEventOut), 'One page of events'),
    ...errorResponses(422),
  },
});

function nextPagePath(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl);
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

export const registerListActivity: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const { limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after === null) {
      throw new ApiError('VALIDATION_ERROR', undefined, {
        details: [{ field: 'cursor', message: 'is not a cursor this server gave out' }],
      });
    }
    const page = await listAuditEvents(deps.database.db, {
      workspaceId: principal.workspaceId,
      ...(principal.kind === 'api_key' && { environment: principal.environment }),
      ...(after && { after }),
      limit,
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
        },
        meta: meta(c, deps.clock.now()),
      },
      200,
    );
  });
};
