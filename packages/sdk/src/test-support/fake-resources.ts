import { generateApiKey } from '@onepin/core';
import { type ClientOptions, OnePinClient } from '../index.js';

// A stand-in for the workflow, template and upload routes of SPEC §5 until the real server
// has them (then these tests move to the real app). It follows the spec's envelopes,
// offset pagination with `next`/`prev` paths, status codes and the signed-URL upload flow.

export const FAKE_BASE_URL = 'http://fake.test';

interface Stored {
  workflows: Map<string, Record<string, unknown>>;
  uploads: Map<string, Record<string, unknown> & { bytes?: Uint8Array }>;
  templates: Map<string, Record<string, unknown>>;
}

const meta = () => ({ request_id: crypto.randomUUID(), timestamp: new Date().toISOString() });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const data = (status: number, value: unknown) => json(status, { data: value, meta: meta() });
const error = (status: number, code: string, message: string) =>
  json(status, { error: { code, message }, meta: meta() });

function page(url: URL, items: unknown[]) {
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!(limit >= 1 && limit <= 100) || offset < 0)
    return error(422, 'VALIDATION_ERROR', 'bad page');
  const link = (at: number) => {
    const next = new URL(url);
    next.searchParams.set('offset', String(at));
    next.searchParams.set('limit', String(limit));
    return `${next.pathname}${next.search}`;
  };
  return json(200, {
    data: items.slice(offset, offset + limit),
    pagination: {
      limit,
      offset,
      total: items.length,
      next: offset + limit < items.length ? link(offset + limit) : null,
      prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    },
    meta: meta(),
  });
}

export function createFakeResourceServer() {
  const stored: Stored = { workflows: new Map(), uploads: new Map(), templates: new Map() };
  stored.templates.set('Tpl00001', {
    id: 'Tpl00001',
    name: 'Podcast',
    description: 'A starter',
    category: 'media',
    definition: { graph: { nodes: [{ id: 'a', type: 'source_script' }], edges: [] } },
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  });
  const requests: Request[] = [];

  const newWorkflow = (body: Record<string, unknown>) => {
    const names = [...stored.workflows.values()].map((w) => w.name);
    if (names.includes(body.name)) return null;
    const now = new Date().toISOString();
    const workflow = {
      id: crypto.randomUUID(),
      workspace_id: 'ws',
      name: body.name,
      description: body.description ?? null,
      definition: body.definition ?? { graph: { nodes: [], edges: [] } },
      created_at: now,
      updated_at: now,
    };
    stored.workflows.set(workflow.id, workflow);
    return workflow;
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = request.headers.get('content-type')?.includes('json')
      ? ((await request.json()) as Record<string, unknown>)
      : {};
    const route = `${request.method} /${parts.slice(0, 3).join('/')}${parts.length > 3 ? '/:id' : ''}${parts[4] ? `/${parts[4]}` : ''}`;

    if (parts[0] === 'blobs') return receiveBytes(request, parts[1] ?? '', url);
    if (!request.headers.get('authorization')?.startsWith('Bearer op_')) {
      return error(401, 'INVALID_API_KEY', 'Invalid API key.');
    }
    const id = parts[3] ?? '';
    const workflow = stored.workflows.get(id);
    switch (route) {
      case 'GET /api/v1/workflows': {
        const search = url.searchParams.get('search');
        const all = [...stored.workflows.values()].filter(
          (w) => !search || String(w.name).includes(search),
        );
        return page(url, all);
      }
      case 'POST /api/v1/workflows': {
        const created = newWorkflow(body);
        return created ? data(201, created) : error(409, 'CONFLICT', 'Name taken.');
      }
      case 'GET /api/v1/workflows/:id':
        return workflow ? data(200, workflow) : error(404, 'NOT_FOUND', 'Workflow not found.');
      case 'PATCH /api/v1/workflows/:id':
      case 'PUT /api/v1/workflows/:id': {
        if (!workflow) return error(404, 'NOT_FOUND', 'Workflow not found.');
        const replaced =
          request.method === 'PUT'
            ? { ...workflow, description: null, ...body }
            : { ...workflow, ...body };
        stored.workflows.set(id, replaced);
        return data(200, replaced);
      }
      case 'DELETE /api/v1/workflows/:id':
        if (!workflow) return error(404, 'NOT_FOUND', 'Workflow not found.');
        stored.workflows.delete(id);
        return new Response(null, { status: 204 });
      case 'POST /api/v1/workflows/:id/duplicate':
        if (!workflow) return error(404, 'NOT_FOUND', 'Workflow not found.');
        return data(201, newWorkflow({ ...workflow, name: `${workflow.name} (Copy)` }));
      case 'GET /api/v1/workflows/:id/uploads': {
        const bound = [...stored.uploads.values()].filter((u) => u.context_id === id);
        return page(
          url,
          bound.map(({ bytes: _, ...upload }) => upload),
        );
      }
      case 'GET /api/v1/templates':
        return page(url, [...stored.templates.values()]);
      case 'GET /api/v1/templates/:id': {
        const template = stored.templates.get(id);
        return template ? data(200, template) : error(404, 'NOT_FOUND', 'Template not found.');
      }
      case 'POST /api/v1/templates/:id/clone': {
        const template = stored.templates.get(id);
        if (!template) return error(404, 'NOT_FOUND', 'Template not found.');
        const name = body.name ?? `${template.name} (Copy)`;
        return data(201, newWorkflow({ name, definition: template.definition }));
      }
      case 'POST /api/v1/uploads': {
        const upload = {
          id: crypto.randomUUID(),
          workspace_id: 'ws',
          filename: body.filename,
          category: body.category,
          content_type: body.content_type,
          size_bytes: body.size_bytes,
          status: 'pending',
          context_type: null,
          context_id: null,
          created_at: new Date().toISOString(),
        };
        stored.uploads.set(upload.id, upload);
        const uploadUrl = `${FAKE_BASE_URL}/blobs/${upload.id}?signature=s1gned`;
        return data(201, { upload, upload_url: uploadUrl });
      }
      case 'POST /api/v1/uploads/:id': {
        const upload = stored.uploads.get(id);
        if (!upload) return error(404, 'NOT_FOUND', 'Upload not found.');
        if (!upload.bytes) return error(409, 'CONFLICT', 'The bytes have not arrived.');
        Object.assign(upload, { status: 'confirmed', ...body });
        const { bytes: _, ...shown } = upload;
        return data(200, shown);
      }
      case 'DELETE /api/v1/uploads/:id':
        stored.uploads.delete(id);
        return new Response(null, { status: 204 });
      default:
        return error(404, 'NOT_FOUND', `No route ${route}`);
    }
  }

  async function receiveBytes(request: Request, id: string, url: URL): Promise<Response> {
    const upload = stored.uploads.get(id);
    if (!upload || url.searchParams.get('signature') !== 's1gned' || request.method !== 'PUT') {
      return error(403, 'FORBIDDEN', 'Bad signature.');
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength !== upload.size_bytes) {
      return error(422, 'VALIDATION_ERROR', 'The body does not match size_bytes.');
    }
    Object.assign(upload, { bytes, status: 'uploaded' });
    const { bytes: _, ...shown } = upload;
    return data(200, shown);
  }

  /** A client for the fake; `intercept` may answer a request before the fake does. */
  function client(
    options: Omit<ClientOptions, 'token'> & {
      intercept?: (request: Request) => Response | undefined;
    } = {},
  ): OnePinClient {
    const { intercept, ...clientOptions } = options;
    return new OnePinClient({
      token: generateApiKey('live'),
      baseUrl: FAKE_BASE_URL,
      fetch: async (request) => {
        requests.push(request.clone());
        return intercept?.(request) ?? handle(request);
      },
      sleep: async () => {},
      ...clientOptions,
    });
  }

  return { stored, requests, client };
}
