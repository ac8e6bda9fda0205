import { startDeviceLogin } from '../services/device-login.js';
import type { AuthContractCase } from './auth-contract.js';
import type { TestWorld } from './world.js';

/** A sign-in waiting for approval, as `onepin login --web` starts one; its user code. */
export async function pendingUserCode(world: TestWorld, hostName = 'build-box'): Promise<string> {
  const started = await startDeviceLogin(
    world.deps,
    { clientName: 'onepin', clientVersion: '0.1.0', hostName, os: 'linux x64' },
    { address: '192.0.2.10', userAgent: 'onepin/0.1.0' },
    world.deps.settings.publicUrl,
  );
  return started.userCode;
}

/** Device login's protected operations: the approval page's (sessions) and logout's (keys). */
export const DEVICE_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/device',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async (world) => ({
      method: 'GET',
      path: `/api/v1/device?user_code=${await pendingUserCode(world)}`,
    }),
  },
  {
    operation: 'POST /api/v1/device/approve',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: '/api/v1/device/approve',
      body: { user_code: await pendingUserCode(world), workspace_id: workspace.id },
    }),
  },
  {
    operation: 'POST /api/v1/device/deny',
    scope: null,
    sessionOnly: true,
    targetsObject: false,
    prepare: async (world) => ({
      method: 'POST',
      path: '/api/v1/device/deny',
      body: { user_code: await pendingUserCode(world) },
    }),
  },
  {
    operation: 'DELETE /api/v1/auth/key',
    scope: null,
    keyOnly: true,
    callerKey: { createdVia: 'device_login' },
    endsCallerKey: true,
    targetsObject: false,
    prepare: async () => ({ method: 'DELETE', path: '/api/v1/auth/key' }),
  },
];
