import { z } from '@hono/zod-openapi';
import {
  type KeyInvalidationEvent,
  keyInvalidationEventBounds,
  listKeyInvalidationEventsAfter,
} from '@onepin/db';
import { ApiError } from '../../api-error.js';
import type { AppDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';
import type { VerifyEventsSubscriber } from '../../services/verify-events.js';
import { type RouteRegistrar, serviceTokenRoute } from '../route-definition.js';

/** A stream whose reader lags this far behind is ended (it reconnects with Last-Event-ID). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const REPLAY_PAGE = 1_000;

const route = serviceTokenRoute({
  method: 'get',
  path: '/api/v1/keys/verify/events',
  tags: ['Verify'],
  summary: 'Key invalidation events (server-sent events; service tokens only)',
  description: [
    'A `text/event-stream` of the keys whose cached verifications stopped being true, for remote verification caches. First `event: ready` (`id`: the latest event id; data `{"heartbeat_ms": N}`), then one `event: invalidate` per changed key (`id`: its sequence number; data `{"key_hash": "<SHA-256 hex of the key>", "reason": "revoked|rotated|updated|deleted|leaked"}`), and a `: heartbeat` comment every `heartbeat_ms`.',
    'Resume with `Last-Event-ID` (or `?last_event_id=`): the events after it are replayed. When that id is unknown or older than the retained window (24 hours), `event: reset` (data `{"reason": …}`) says to drop the whole cache instead.',
  ].join('\n\n'),
  request: {
    query: z.object({
      last_event_id: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: 'As the `Last-Event-ID` header (which wins when both are sent).' }),
    }),
  },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: z.string() } },
      description: 'The event stream',
    },
    ...errorResponses(422),
  },
});

const encoder = new TextEncoder();

function invalidateFrame(event: KeyInvalidationEvent): string {
  return `id: ${event.seq}\nevent: invalidate\ndata: ${JSON.stringify({ key_hash: event.key_hash, reason: event.reason })}\n\n`;
}

/** The resume point the client sent, `null` for none, `NaN` for one that is no event id. */
function resumePoint(header: string | undefined, query: string | undefined): number | null {
  const raw = (header ?? query)?.trim();
  if (raw === undefined || raw === '') return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
}

export const registerVerifyEvents: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const token = c.get('serviceToken');
    const resume = resumePoint(c.req.header('last-event-id'), c.req.valid('query').last_event_id);
    return openStream(deps, token.id, resume) as never;
  });
};

/**
 * Opens one stream: subscribes first (so nothing committed from now on is missed), then reads
 * where the stream starts (and replays from `resume`), then goes live. Events the hub delivers
 * meanwhile wait in `pending`; each event goes out once (`cursor`).
 */
async function openStream(
  deps: AppDeps,
  tokenId: string,
  resume: number | null,
): Promise<Response> {
  const { verifyEvents, settings, database } = deps;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let live = false;
  let ended = false;
  let cursor = 0;
  let pending: KeyInvalidationEvent[] = [];
  let heartbeat: NodeJS.Timeout | undefined;

  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    verifyEvents.unsubscribe(subscriber);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the client.
    }
  };
  const write = (text: string) => {
    if (ended) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) end();
  };
  const send = (events: readonly KeyInvalidationEvent[]) => {
    let text = '';
    for (const event of events) {
      if (event.seq <= cursor) continue;
      cursor = event.seq;
      text += invalidateFrame(event);
    }
    if (text !== '') write(text);
  };
  const subscriber: VerifyEventsSubscriber = {
    deliver(events) {
      if (live) send(events);
      else pending.push(...events);
    },
    close: end,
  };

  const refused = await verifyEvents.subscribe(tokenId, subscriber);
  if (refused === 'too_many_streams') {
    throw new ApiError(
      'RATE_LIMITED',
      `At most ${settings.verifyEventsStreamsPerToken} event streams per service token are open at once.`,
      { headers: { 'Retry-After': '5' } },
    );
  }
  if (refused === 'closed')
    throw new ApiError('SERVICE_UNAVAILABLE', 'The server is shutting down.');

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        end();
      },
    },
    // Counted in bytes, so `desiredSize` says how far the reader lags.
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );

  try {
    const bounds = await keyInvalidationEventBounds(database.db);
    const latest = bounds.max ?? 0;
    let head = `retry: 1000\nid: ${latest}\nevent: ready\ndata: ${JSON.stringify({ heartbeat_ms: settings.verifyEventsHeartbeatMs })}\n\n`;
    cursor = latest;
    if (resume !== null) {
      const known =
        !Number.isNaN(resume) &&
        resume <= latest &&
        // Nothing after `resume` was pruned: the oldest row kept follows it directly, or no
        // row is kept and the client had seen them all.
        (bounds.min === null ? resume === latest : resume >= bounds.min - 1);
      if (!known) {
        const reason = Number.isNaN(resume) || resume > latest ? 'unknown_event_id' : 'expired';
        head += `event: reset\ndata: ${JSON.stringify({ reason })}\n\n`;
      } else {
        cursor = resume;
      }
    }
    write(head);
    // The replay, in pages, up to what exists now; anything newer comes from the hub.
    while (!ended && cursor < latest) {
      const rows = await listKeyInvalidationEventsAfter(database.db, cursor, REPLAY_PAGE);
      if (rows.length === 0) break;
      send(rows);
    }
  } catch (error) {
    end();
    throw error;
  }
  live = true;
  const waiting = pending;
  pending = [];
  send(waiting);
  heartbeat = setInterval(() => write(': heartbeat\n\n'), settings.verifyEventsHeartbeatMs);
  heartbeat.unref();

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
