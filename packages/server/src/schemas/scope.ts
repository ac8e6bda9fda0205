import { z } from '@hono/zod-openapi';
import type { ScopeDefinition } from '@onepin/core';
import { RoleSchema } from './session.js';

export const ScopeOut = z
  .object({
    name: z.string().openapi({ example: 'billing:read' }),
    description: z.string(),
    built_in: z.boolean().openapi({
      description:
        "true for this server's own scopes; false for the operator's (`ONEPIN_SCOPES_FILE`), which protect nothing here: they are for the operator's services, through the verify API",
    }),
    roles: z.array(RoleSchema).openapi({
      description: 'The workspace roles whose sessions hold it (admin holds every scope)',
    }),
  })
  .openapi('ScopeInfo');

export function toScopeOut(scope: ScopeDefinition): z.infer<typeof ScopeOut> {
  return {
    name: scope.name,
    description: scope.description,
    built_in: scope.builtIn,
    roles: [...scope.roles],
  };
}
