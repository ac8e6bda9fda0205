import { createManagedServiceToken } from '../services/service-token-management.js';
import type { AuthContractCase } from './auth-contract.js';
import { DEVICE_CONTRACT_CASES } from './device-contract-cases.js';
import { RESOURCE_CONTRACT_CASES } from './resource-contract-cases.js';
import { WEBHOOK_CONTRACT_CASES } from './webhook-contract-cases.js';
import type { TestWorkspace, TestWorld } from './world.js';

/** A key to act on, with no scopes so any caller may manage it under the subset rule. */
async function targetKey(world: TestWorld, workspace: TestWorkspace) {
  return world.createKey(workspace, { name: 'target', scopes: [] });
}

/** The auth contract cases of the core routes. Resource modules add theirs to `ALL_CONTRACT_CASES`. */
export const CORE_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/auth/whoami',
    scope: null,
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/auth/whoami' }),
  },
  {
    operation: 'GET /api/v1/scopes',
    scope: null,
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/scopes' }),
  },
  {
    operation: 'GET /api/v1/api-keys',
    scope: 'api_keys:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/api-keys' }),
  },
  {
    operation: 'POST /api/v1/api-keys',
    scope: 'api_keys:write',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/api-keys',
      body: { name: 'made by a key' },
    }),
  },
  {
    operation: 'GET /api/v1/api-keys/{id}',
    scope: 'api_keys:read',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/api-keys/${(await targetKey(world, workspace)).id}`,
    }),
  },
  {
    operation: 'PATCH /api/v1/api-keys/{id}',
    scope: 'api_keys:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/api-keys/${(await targetKey(world, workspace)).id}`,
      body: { name: 'renamed' },
    }),
  },
  {
    operation: 'DELETE /api/v1/api-keys/{id}',
    scope: 'api_keys:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/api-keys/${(await targetKey(world, workspace)).id}`,
    }),
  },
  {
    operation: 'PATCH /api/v1/api-keys/{id}/rotate',
    scope: 'api_keys:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/api-keys/${(await targetKey(world, workspace)).id}/rotate`,
      body: { grace_period_seconds: 60 },
    }),
  },
  {
    operation: 'GET /api/v1/workspaces/current',
    scope: 'workspace:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/workspaces/current' }),
  },
  {
    operation: 'GET /api/v1/activity',
    scope: 'workspace:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/activity' }),
  },
  {
    operation: 'GET /api/v1/usage/activity',
    scope: 'workspace:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/usage/activity?range=30d' }),
  },
  {
    operation: 'GET /api/v1/workspaces',
    scope: 'workspace:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/workspaces' }),
  },
  {
    operation: 'GET /api/v1/workspaces/{workspace_id}',
    scope: 'workspace:read',
    targetsObject: true,
    prepare: async (_world, workspace) => ({
      method: 'GET',
      path: `/api/v1/workspaces/${workspace.id}`,
    }),
  },
];

let emailCounter = 0;

/** The dashboard's own operations: sessions and members, which API keys cannot use. */
export const SESSION_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/session',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/session' }),
  },
  {
    operation: 'DELETE /api/v1/session',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async () => ({ method: 'DELETE', path: '/api/v1/session' }),
  },
  {
    operation: 'GET /api/v1/members',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/members' }),
  },
  {
    operation: 'POST /api/v1/members',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/members',
      body: { email: `new${++emailCounter}-${Date.now()}@example.com`, role: 'viewer' },
    }),
  },
  {
    operation: 'PATCH /api/v1/members/{user_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/members/${(await world.addMember(workspace, 'viewer')).userId}`,
      body: { role: 'editor' },
    }),
  },
  {
    operation: 'DELETE /api/v1/members/{user_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/members/${(await world.addMember(workspace, 'viewer')).userId}`,
    }),
  },
];

/** An open invitation to a fresh workspace, for `email` (the caller's, when there is one). */
async function invitationFor(world: TestWorld, email: string): Promise<string> {
  const inviting = await world.createWorkspace('Inviting');
  const admin = await world.signIn(inviting);
  const added = await world.call('POST', '/api/v1/members', {
    session: admin,
    body: { email, role: 'viewer' },
  });
  return new URL(added.body.data.invite_url).searchParams.get('token') ?? '';
}

/** Operations on invitations and on what removing a member touches. */
export const MEMBERSHIP_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'POST /api/v1/invitation/accept',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async (world, _workspace, caller) => ({
      method: 'POST',
      path: '/api/v1/invitation/accept',
      body: {
        token: await invitationFor(world, caller?.email ?? `someone${++emailCounter}@example.com`),
      },
    }),
  },
  {
    operation: 'GET /api/v1/members/{user_id}/api-keys',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/members/${(await world.addMember(workspace, 'viewer')).userId}/api-keys`,
    }),
  },
  {
    operation: 'DELETE /api/v1/members/invitations/{invitation_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => {
      const admin = await world.sessionFor({ userId: workspace.userId, email: workspace.email });
      const added = await world.call('POST', '/api/v1/members', {
        session: admin,
        body: { email: `invitee${++emailCounter}@example.com`, role: 'viewer' },
      });
      return {
        method: 'DELETE',
        path: `/api/v1/members/invitations/${added.body.data.member.id}`,
      };
    },
  },
];

/** The member and invite operations at the public API's `/workspaces/{ws_id}/…` paths. */
export const WORKSPACE_MEMBER_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/workspaces/{ws_id}/members',
    scope: null,
    sessionOnly: true,
    targetsObject: true,
    prepare: async (_world, workspace) => ({
      method: 'GET',
      path: `/api/v1/workspaces/${workspace.id}/members`,
    }),
  },
  {
    operation: 'POST /api/v1/workspaces/{ws_id}/invites',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (_world, workspace) => ({
      method: 'POST',
      path: `/api/v1/workspaces/${workspace.id}/invites`,
      body: { email: `invited${++emailCounter}-${Date.now()}@example.com`, role: 'viewer' },
    }),
  },
  {
    operation: 'PATCH /api/v1/workspaces/{ws_id}/members/{member_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/workspaces/${workspace.id}/members/${(await world.addMember(workspace, 'viewer')).userId}`,
      body: { role: 'editor' },
    }),
  },
  {
    operation: 'DELETE /api/v1/workspaces/{ws_id}/members/{member_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/workspaces/${workspace.id}/members/${(await world.addMember(workspace, 'viewer')).userId}`,
    }),
  },
];

/** A pending invitation of `workspace` (made by its admin), for the invite id routes. */
async function pendingInviteOf(world: TestWorld, workspace: TestWorkspace): Promise<string> {
  const admin = await world.sessionFor({ userId: workspace.userId, email: workspace.email });
  const invited = await world.call('POST', `/api/v1/workspaces/${workspace.id}/invites`, {
    session: admin,
    body: { email: `pending${++emailCounter}-${Date.now()}@example.com`, role: 'viewer' },
  });
  return invited.body.data.id;
}

/** The public API's invitation objects: withdraw, change role, accept by token. */
export const WORKSPACE_INVITE_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'DELETE /api/v1/workspaces/{ws_id}/invites/{invite_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/workspaces/${workspace.id}/invites/${await pendingInviteOf(world, workspace)}`,
    }),
  },
  {
    operation: 'PATCH /api/v1/workspaces/{ws_id}/invites/{invite_id}',
    scope: null,
    sessionOnly: true,
    role: 'admin',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/workspaces/${workspace.id}/invites/${await pendingInviteOf(world, workspace)}`,
      body: { role: 'editor' },
    }),
  },
  {
    operation: 'POST /api/v1/workspaces/invites/{token}/accept',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async (world, _workspace, caller) => {
      const email = caller?.email ?? `someone${++emailCounter}@example.com`;
      return {
        method: 'POST',
        path: `/api/v1/workspaces/invites/${await invitationFor(world, email)}/accept`,
      };
    },
  },
];

/** The instance's service tokens: instance admins' sessions only (issue 14). */
const SERVICE_TOKEN_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/service-tokens',
    scope: null,
    sessionOnly: true,
    instanceAdmin: true,
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/service-tokens' }),
  },
  {
    operation: 'POST /api/v1/service-tokens',
    scope: null,
    sessionOnly: true,
    instanceAdmin: true,
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/service-tokens',
      body: { name: 'billing-api' },
    }),
  },
  {
    operation: 'DELETE /api/v1/service-tokens/{id}',
    scope: null,
    sessionOnly: true,
    instanceAdmin: true,
    targetsObject: false,
    prepare: async (world) => {
      const { record } = await createManagedServiceToken(world.deps, null, { name: 'target' });
      return { method: 'DELETE', path: `/api/v1/service-tokens/${record.id}` };
    },
  },
];

export const ALL_CONTRACT_CASES: AuthContractCase[] = [
  ...CORE_CONTRACT_CASES,
  ...RESOURCE_CONTRACT_CASES,
  ...SESSION_CONTRACT_CASES,
  ...MEMBERSHIP_CONTRACT_CASES,
  ...WORKSPACE_MEMBER_CONTRACT_CASES,
  ...WORKSPACE_INVITE_CONTRACT_CASES,
  ...WEBHOOK_CONTRACT_CASES,
  ...DEVICE_CONTRACT_CASES,
  ...SERVICE_TOKEN_CONTRACT_CASES,
];
