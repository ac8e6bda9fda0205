import { STARTER_TEMPLATES } from '../templates/starter-templates.js';
import type { AuthContractCase } from './auth-contract.js';
import { SAMPLE_DEFINITION, seedUpload, seedWorkflow, uniqueName } from './resources.js';

const TEMPLATE_ID = STARTER_TEMPLATES[0]?.id ?? '';

/** The auth contract cases of workflows, templates and uploads. */
export const RESOURCE_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/workflows',
    scope: 'workflows:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/workflows' }),
  },
  {
    operation: 'POST /api/v1/workflows',
    scope: 'workflows:write',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/workflows',
      body: { name: uniqueName(), definition: SAMPLE_DEFINITION },
    }),
  },
  {
    operation: 'GET /api/v1/workflows/name-availability',
    scope: 'workflows:read',
    targetsObject: false,
    prepare: async () => ({
      method: 'GET',
      path: `/api/v1/workflows/name-availability?name=${encodeURIComponent(uniqueName())}`,
    }),
  },
  {
    operation: 'GET /api/v1/workflows/{id}',
    scope: 'workflows:read',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}`,
    }),
  },
  {
    operation: 'PUT /api/v1/workflows/{id}',
    scope: 'workflows:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PUT',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}`,
      body: { name: uniqueName(), definition: SAMPLE_DEFINITION },
    }),
  },
  {
    operation: 'PATCH /api/v1/workflows/{id}',
    scope: 'workflows:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}`,
      body: { description: 'changed' },
    }),
  },
  {
    operation: 'DELETE /api/v1/workflows/{id}',
    scope: 'workflows:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}`,
    }),
  },
  {
    operation: 'POST /api/v1/workflows/{id}/duplicate',
    scope: 'workflows:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}/duplicate`,
    }),
  },
  {
    operation: 'GET /api/v1/workflows/{id}/uploads',
    scope: 'workflows:read',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/workflows/${(await seedWorkflow(world, workspace)).id}/uploads`,
    }),
  },
  {
    operation: 'GET /api/v1/templates',
    scope: 'templates:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/templates' }),
  },
  {
    // Templates are the server's gallery, the same for every workspace: nothing to hide.
    operation: 'GET /api/v1/templates/{id}',
    scope: 'templates:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: `/api/v1/templates/${TEMPLATE_ID}` }),
  },
  {
    operation: 'POST /api/v1/templates/{id}/clone',
    scope: 'workflows:write',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: `/api/v1/templates/${TEMPLATE_ID}/clone`,
      body: { name: uniqueName('Clone') },
    }),
  },
  {
    operation: 'POST /api/v1/uploads',
    scope: 'uploads:write',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'lines.csv', category: 'script' },
    }),
  },
  {
    operation: 'POST /api/v1/uploads/{id}',
    scope: 'uploads:write',
    targetsObject: true,
    prepare: async (world, workspace) => {
      const workflow = await seedWorkflow(world, workspace);
      const upload = await seedUpload(world, workspace);
      return {
        method: 'POST',
        path: `/api/v1/uploads/${upload.id}`,
        body: { context_type: 'workflow', context_id: workflow.id },
      };
    },
  },
  {
    operation: 'DELETE /api/v1/uploads/{id}',
    scope: 'uploads:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/uploads/${(await seedUpload(world, workspace)).id}`,
    }),
  },
];
