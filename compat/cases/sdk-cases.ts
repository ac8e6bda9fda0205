import { expect } from 'vitest';
import type { Auth, SdkDriver } from '../harness/sdk-driver.js';
import type { Target } from '../harness/target.js';

/** What every case gets: the official SDK, the server, and ways to authenticate. */
export interface CaseContext {
  sdk: SdkDriver;
  target: Target;
  key: Auth;
  session: Auth;
  /** A name no other object of the run has. */
  unique(prefix: string): string;
}

/** A starter template (Podcast episode localization): fixed id on every server. */
export const TEMPLATE_ID = '2LKJN2QD';

/** A graph in the official shape, with a validator's fail port looping back (a cycle). */
export const OFFICIAL_DEFINITION = {
  graph: {
    nodes: [
      { id: 'script', type: 'source_script', position: { x: 0, y: 0 }, config: { format: 'txt' } },
      { id: 'voice', type: 'operator_generator', position: { x: 240, y: 0 }, name: 'Voice' },
      {
        id: 'check',
        type: 'validator_naturalness',
        position: { x: 480, y: 0 },
        config: { threshold: 85 },
      },
      { id: 'preview', type: 'sink_preview', position: { x: 720, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'script', sourcePort: 'out', target: 'voice', targetPort: 'in' },
      { id: 'e2', source: 'voice', sourcePort: 'out', target: 'check', targetPort: 'in' },
      { id: 'e3', source: 'check', sourcePort: 'pass', target: 'preview', targetPort: 'in' },
      { id: 'e4', source: 'check', sourcePort: 'fail', target: 'voice', targetPort: 'in' },
    ],
  },
  execution: { steps: ['script', 'voice', 'check', 'preview'], params: {} },
};

/** Creates a workflow through the official SDK, with the official typed definition. */
export async function createWorkflow(ctx: CaseContext, name = ctx.unique('Workflow')) {
  const created = await ctx.sdk.data({
    auth: ctx.key,
    call: 'workflows.create_workflow',
    kwargs: { name, description: 'made by the official SDK', definition: OFFICIAL_DEFINITION },
    models: { definition: 'WorkflowDefinitionInput' },
  });
  return created.data as { id: string; name: string; [field: string]: unknown };
}

/** An upload created with the SDK and its bytes sent to the returned URL, as its CLI does. */
export async function uploadBytes(ctx: CaseContext, text = 'Line one.\nLine two.\n') {
  const created = await ctx.sdk.data({
    auth: ctx.key,
    call: 'uploads.create',
    kwargs: { filename: 'lines.txt', category: 'script' },
  });
  const { upload, upload_url } = created.data;
  const put = await fetch(upload_url, {
    method: 'PUT',
    headers: { 'content-type': upload.content_type },
    body: text,
  });
  expect(put.status).toBe(200);
  return upload as { id: string; status: string };
}

/** An SDK call expected to fail: no retries (the SDK retries 409 and 5xx), the error back. */
async function failure(ctx: CaseContext, call: string, args: unknown[], kwargs = {}) {
  const answer = await ctx.sdk.call({ auth: ctx.key, call, args, kwargs, maxRetries: 0 });
  expect(answer.ok).toBe(false);
  return (answer as { ok: false; error: { type: string; status: number; body: any } }).error;
}

type Case = (ctx: CaseContext) => Promise<void>;

/** A list's items: a pager comes back as the list, an envelope as `{data, pagination}`. */
const itemsOf = (answer: any): any[] => (Array.isArray(answer) ? answer : answer.data);

/**
 * One case per official operation that maps onto a route of this server, keyed by the
 * operation as the official client calls it. Each runs the official SDK's method, which
 * validates the answer with the official pydantic models: a missing or mistyped field fails
 * the call with the SDK's ParsingError.
 */
export const SDK_CASES: Record<string, Case> = {
  async 'GET /api/v1/auth/whoami'(ctx) {
    const { data } = await ctx.sdk.data({ auth: ctx.key, call: 'auth.whoami' });
    expect(data).toMatchObject({
      auth_kind: 'api_key',
      // The key came from `admin create-key`: it acts for the workspace's owner.
      user_id: ctx.target.owner.id,
      workspace_id: ctx.target.workspaceId,
    });
  },

  async 'POST /api/v1/workflows'(ctx) {
    const name = ctx.unique('Created');
    const created = await createWorkflow(ctx, name);
    expect(created).toMatchObject({
      name,
      description: 'made by the official SDK',
      user_id: ctx.target.owner.id,
      definition: OFFICIAL_DEFINITION,
      runs_count: 0,
    });
  },

  async 'GET /api/v1/workflows'(ctx) {
    const prefix = ctx.unique('Listed');
    for (const suffix of ['b', 'A', 'c']) await createWorkflow(ctx, `${prefix} ${suffix}`);
    const list = (kwargs: Record<string, unknown>) =>
      ctx.sdk.data({
        auth: ctx.key,
        call: 'workflows.list',
        kwargs: { search: prefix, ...kwargs },
      });
    const byName = itemsOf(
      await list({
        sort: ['runs_count', 'name'],
        order: ['desc', 'asc'],
        status: 'draft',
      }),
    );
    expect(byName.map((w: any) => w.name)).toEqual(['A', 'b', 'c'].map((s) => `${prefix} ${s}`));
    expect(itemsOf(await list({ status: 'failed' }))).toEqual([]);
    expect(itemsOf(await list({ has_failed_run: true }))).toEqual([]);
    const refused = await failure(ctx, 'workflows.list', [], { sort: ['popularity'] });
    expect(refused).toMatchObject({ type: 'UnprocessableEntityError', status: 422 });
  },

  async 'GET /api/v1/workflows/name-availability'(ctx) {
    const { id, name } = await createWorkflow(ctx);
    const check = async (kwargs: Record<string, unknown>) =>
      (
        await ctx.sdk.data({
          auth: ctx.key,
          call: 'workflows.check_workflow_name_availability',
          kwargs,
        })
      ).data;
    expect(await check({ name: ` ${name} ` })).toEqual({ name, available: false });
    expect(await check({ name, exclude_id: id })).toEqual({ name, available: true });
    expect(await check({ name: ctx.unique('Free') })).toMatchObject({ available: true });
  },

  async 'GET /api/v1/workflows/{workflow_id}'(ctx) {
    const created = await createWorkflow(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.get',
      args: [created.id],
    });
    expect(data).toEqual(created);
  },

  async 'PUT /api/v1/workflows/{workflow_id}'(ctx) {
    const created = await createWorkflow(ctx);
    const name = ctx.unique('Replaced');
    const definition = { graph: { nodes: [OFFICIAL_DEFINITION.graph.nodes[0]], edges: [] } };
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.update_workflow',
      args: [created.id],
      kwargs: { name, definition },
      models: { definition: 'WorkflowDefinitionInput' },
    });
    expect(data).toMatchObject({ id: created.id, name, description: null, definition });
  },

  async 'PATCH /api/v1/workflows/{workflow_id}'(ctx) {
    const created = await createWorkflow(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.patch_workflow',
      args: [created.id],
      kwargs: { description: 'patched' },
    });
    expect(data).toMatchObject({
      name: created.name,
      description: 'patched',
      definition: OFFICIAL_DEFINITION,
    });
  },

  async 'DELETE /api/v1/workflows/{workflow_id}'(ctx) {
    const created = await createWorkflow(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.delete_workflow',
      args: [created.id],
    });
    expect(data).toEqual({ id: created.id, deleted: true });
    const gone = await failure(ctx, 'workflows.get', [created.id]);
    expect(gone).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  },

  async 'POST /api/v1/workflows/{workflow_id}/duplicate'(ctx) {
    const created = await createWorkflow(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.duplicate_workflow',
      args: [created.id],
    });
    expect(data).toMatchObject({ name: `${created.name} (Copy)`, definition: OFFICIAL_DEFINITION });
  },

  async 'GET /api/v1/workflows/{workflow_id}/uploads'(ctx) {
    const workflow = await createWorkflow(ctx);
    const upload = await uploadBytes(ctx);
    await ctx.sdk.data({
      auth: ctx.key,
      call: 'uploads.confirm',
      args: [upload.id],
      kwargs: { context_type: 'workflow', context_id: workflow.id },
    });
    const listed = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workflows.list_workflow_uploads',
      args: [workflow.id],
    });
    expect(itemsOf(listed).map((u: any) => [u.id, u.context_id])).toEqual([
      [upload.id, workflow.id],
    ]);
  },

  async 'GET /api/v1/templates'(ctx) {
    const listed = await ctx.sdk.data({
      auth: ctx.key,
      call: 'templates.list',
      kwargs: { sort: 'popular', category: ['media', 'wellness'] },
    });
    const items = itemsOf(listed);
    // Parsed with TemplateOut: every node has a position, every edge the official fields.
    expect(items.map((t: any) => t.category).sort()).toEqual(['media', 'wellness']);
    for (const template of items)
      expect(template).toMatchObject({ is_starter: true, uses_count: expect.any(Number) });
    const favourites = await ctx.sdk.data({
      auth: ctx.key,
      call: 'templates.list',
      kwargs: { favorites_only: true },
    });
    expect(itemsOf(favourites)).toEqual([]);
  },

  async 'GET /api/v1/templates/{template_id}'(ctx) {
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'templates.get',
      args: [TEMPLATE_ID],
    });
    expect(data).toMatchObject({
      id: TEMPLATE_ID,
      name: 'Podcast episode localization',
      is_favorite: false,
    });
    expect(data.definition.graph.edges[0]).toEqual({
      id: expect.any(String),
      source: 'transcript',
      sourcePort: 'out',
      target: 'translate',
      targetPort: 'in',
    });
  },

  async 'POST /api/v1/templates/{template_id}/clone'(ctx) {
    const before = await ctx.sdk.data({
      auth: ctx.key,
      call: 'templates.get',
      args: [TEMPLATE_ID],
    });
    const name = ctx.unique('Cloned');
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'templates.clone',
      args: [TEMPLATE_ID],
      kwargs: { name },
    });
    expect(data).toMatchObject({
      name,
      user_id: ctx.target.owner.id,
      definition: before.data.definition,
    });
    const after = await ctx.sdk.data({ auth: ctx.key, call: 'templates.get', args: [TEMPLATE_ID] });
    expect(after.data.uses_count).toBe(before.data.uses_count + 1);
  },

  async 'POST /api/v1/uploads'(ctx) {
    const upload = await uploadBytes(ctx);
    expect(upload.status).toBe('pending');
  },

  async 'POST /api/v1/uploads/{upload_id}'(ctx) {
    const workflow = await createWorkflow(ctx);
    const upload = await uploadBytes(ctx, 'Hello.\n');
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'uploads.confirm',
      args: [upload.id],
      kwargs: { context_type: 'workflow', context_id: workflow.id },
    });
    expect(data).toMatchObject({ status: 'uploaded', context_id: workflow.id, size_bytes: 7 });
    const playground = await failure(ctx, 'uploads.confirm', [upload.id], {
      context_type: 'playground',
      context_id: 'anything',
    });
    expect(playground).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  },

  async 'DELETE /api/v1/uploads/{upload_id}'(ctx) {
    const upload = await uploadBytes(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'uploads.delete',
      args: [upload.id],
    });
    expect(data).toEqual({ id: upload.id, deleted: true });
  },

  async 'GET /api/v1/usage/activity'(ctx) {
    await ctx.sdk.data({ auth: ctx.key, call: 'templates.clone', args: [TEMPLATE_ID] });
    const answer = await ctx.sdk.data({
      auth: ctx.key,
      call: 'usage.usage_activity',
      kwargs: { range: '30d', type: 'template_applied', timezone: 'Europe/Paris', limit: 5 },
    });
    expect(answer.data.length).toBeGreaterThan(0);
    for (const item of answer.data) {
      expect(item).toMatchObject({
        action: 'template_applied',
        kind: 'template_cloned',
        resource: { type: 'workflow' },
        // A key from the admin command acts for the owner.
        user: { id: ctx.target.owner.id },
      });
    }
  },

  async 'GET /api/v1/workspaces'(ctx) {
    const answer = await ctx.sdk.data({ auth: ctx.key, call: 'workspaces.list_workspaces' });
    expect(answer.data).toEqual([
      expect.objectContaining({
        id: ctx.target.workspaceId,
        name: 'Acme Voice',
        created_by: ctx.target.owner.id,
      }),
    ]);
  },

  async 'GET /api/v1/workspaces/{workspace_id}'(ctx) {
    const { data } = await ctx.sdk.data({
      auth: ctx.key,
      call: 'workspaces.get_workspace',
      args: [ctx.target.workspaceId],
    });
    expect(data).toMatchObject({ id: ctx.target.workspaceId, slug: 'acme-voice', color_idx: 0 });
  },

  async 'GET /api/v1/workspaces/{ws_id}/members'(ctx) {
    const answer = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.list_members',
      args: [ctx.target.workspaceId],
    });
    expect(answer.data).toContainEqual(
      expect.objectContaining({ user_id: ctx.target.owner.id, role: 'admin', status: 'active' }),
    );
  },

  async 'POST /api/v1/workspaces/{ws_id}/invites'(ctx) {
    const email = `${ctx.unique('invited').replaceAll(/\W/g, '')}@example.com`.toLowerCase();
    const { data } = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.create_invite',
      args: [ctx.target.workspaceId],
      kwargs: { email, role: 'viewer' },
    });
    expect(data).toMatchObject({
      email,
      role: 'viewer',
      status: 'pending',
      invited_by: ctx.target.owner.id,
    });
  },

  async 'PATCH /api/v1/workspaces/{ws_id}/members/{member_id}'(ctx) {
    const member = await invite(ctx);
    const { data } = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.update_member_role',
      args: [ctx.target.workspaceId, member],
      kwargs: { role: 'editor' },
    });
    expect(data).toMatchObject({ id: member, role: 'editor' });
  },

  async 'DELETE /api/v1/workspaces/{ws_id}/members/{member_id}'(ctx) {
    const member = await invite(ctx);
    await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.remove_member',
      args: [ctx.target.workspaceId, member],
    });
    const answer = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.list_members',
      args: [ctx.target.workspaceId],
    });
    expect(answer.data.map((m: any) => m.id)).not.toContain(member);
  },

  async 'PATCH /api/v1/workspaces/{ws_id}/invites/{invite_id}'(ctx) {
    const made = await pendingInvite(ctx, 'viewer');
    const { data } = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.update_invite_role',
      args: [ctx.target.workspaceId, made.id],
      kwargs: { role: 'editor' },
    });
    expect(data).toMatchObject({
      id: made.id,
      email: made.email,
      role: 'editor',
      status: 'pending',
      invited_by: ctx.target.owner.id,
    });
  },

  async 'DELETE /api/v1/workspaces/{ws_id}/invites/{invite_id}'(ctx) {
    const made = await pendingInvite(ctx, 'viewer');
    const { data } = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.revoke_invite',
      args: [ctx.target.workspaceId, made.id],
    });
    expect(data).toMatchObject({ id: made.id, status: 'revoked' });
    const answer = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.list_members',
      args: [ctx.target.workspaceId],
    });
    expect(answer.data.map((m: any) => m.id)).not.toContain(made.id);
    // Withdrawn already: 404, as the official client documents.
    const again = await ctx.sdk.call({
      auth: ctx.session,
      call: 'workspace_members.revoke_invite',
      args: [ctx.target.workspaceId, made.id],
      maxRetries: 0,
    });
    expect(again.ok).toBe(false);
    expect(again.ok === false && again.error.status).toBe(404);
  },

  async 'POST /api/v1/workspaces/invites/{token}/accept'(ctx) {
    // Someone with an account of their own (the operator's headless path), invited here.
    const email = `${ctx.unique('joiner').replaceAll(/\W/g, '')}@example.com`.toLowerCase();
    const password = 'a joiner password of their own';
    await ctx.target.command([
      'admin',
      'create-user',
      '--email',
      email,
      '--password',
      password,
      '--workspace',
      ctx.unique('Joiner home'),
      '--json',
    ]);
    const made = await pendingInvite(ctx, 'editor', email);
    const token = new URL(made.invite_url).searchParams.get('token') ?? '';
    const joiner = await ctx.target.signIn(email, password);

    // Signed in as someone else (the owner, already a member): 403, and the link stays usable.
    const wrong = await ctx.sdk.call({
      auth: ctx.session,
      call: 'workspace_members.accept_invite',
      args: [token],
      maxRetries: 0,
    });
    expect(wrong.ok === false && wrong.error.status).toBe(403);

    const { data } = await ctx.sdk.data({
      auth: joiner,
      call: 'workspace_members.accept_invite',
      args: [token],
    });
    expect(data).toEqual({ workspace_id: ctx.target.workspaceId, role: 'editor' });
    const answer = await ctx.sdk.data({
      auth: ctx.session,
      call: 'workspace_members.list_members',
      args: [ctx.target.workspaceId],
    });
    expect(answer.data).toContainEqual(
      expect.objectContaining({ email, role: 'editor', status: 'active' }),
    );
    // Used: 410 Gone, as the official client documents.
    const again = await ctx.sdk.call({
      auth: joiner,
      call: 'workspace_members.accept_invite',
      args: [token],
      maxRetries: 0,
    });
    expect(again.ok === false && again.error.status).toBe(410);
  },
};

/**
 * A new member through the official flow: invited with the SDK, then the invitation accepted
 * with its link (a new person makes their account with it; our own route, since the official
 * client has no account sign-up). Their member id.
 */
async function invite(ctx: CaseContext): Promise<string> {
  const email = `${ctx.unique('member').replaceAll(/\W/g, '')}@example.com`.toLowerCase();
  const { data } = await ctx.sdk.data({
    auth: ctx.session,
    call: 'workspace_members.create_invite',
    args: [ctx.target.workspaceId],
    kwargs: { email, role: 'viewer' },
  });
  const token = new URL(data.invite_url).searchParams.get('token');
  const accepted = await fetch(`${ctx.target.baseUrl}/api/v1/invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'a member password of their own' }),
  });
  expect(accepted.status).toBe(201);
  const answer = await ctx.sdk.data({
    auth: ctx.session,
    call: 'workspace_members.list_members',
    args: [ctx.target.workspaceId],
  });
  const member = answer.data.find((m: { email: string }) => m.email === email);
  expect(member).toMatchObject({ status: 'active' });
  return member.id;
}

/** A pending invitation made with the SDK (for a new email unless told). */
async function pendingInvite(
  ctx: CaseContext,
  role: string,
  email = `${ctx.unique('pending').replaceAll(/\W/g, '')}@example.com`.toLowerCase(),
): Promise<{ id: string; email: string; invite_url: string }> {
  const { data } = await ctx.sdk.data({
    auth: ctx.session,
    call: 'workspace_members.create_invite',
    args: [ctx.target.workspaceId],
    kwargs: { email, role },
  });
  expect(data).toMatchObject({ email, role, status: 'pending' });
  return data;
}
