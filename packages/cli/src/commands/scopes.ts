import { isScope } from '@onepin/core';
import type { ScopeInfo } from '@onepin/sdk';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { serverScopes } from '../scopes/catalogue.js';

/** `onepin scopes …`: the scopes keys can hold on the server. */
export function createScopesCommand(ctx: CliContext): Command {
  return new Command('scopes')
    .description('The scopes keys can hold on the server (its own and the operator’s)')
    .addCommand(
      new Command('list')
        .description(
          'List the server’s scopes; remembered for shell completion (~/.onepin/scopes-cache.json)',
        )
        .action(() => scopesListRun(ctx)),
    );
}

/** Prints the server's catalogue (or, from a server without it, the built-in scopes). */
export async function scopesListRun(ctx: CliContext): Promise<void> {
  const client = await ctx.client();
  const found = await serverScopes(ctx, client);
  if (found.source === 'fallback') {
    // Not the server's answer: its data would pass for the catalogue.
    ctx.out.warn(`Not the server's catalogue (${found.why}).`);
  }
  const scopes: ScopeInfo[] =
    found.scopes ??
    found.names.map((name) => ({ name, description: '', built_in: isScope(name), roles: [] }));
  ctx.out.data(scopes, () => ({
    headers: ['NAME', 'KIND', 'ROLES', 'DESCRIPTION'],
    rows: scopes.map((scope) => [
      scope.name,
      scope.built_in ? 'built-in' : 'custom',
      scope.roles.join(','),
      scope.description,
    ]),
  }));
}
