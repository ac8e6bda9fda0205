import { SCOPE_CATALOGUE, SCOPES } from '@onepin/core';
import { useEffect, useState } from 'react';
import type { ScopeInfo } from './api.js';
import { useApi } from './session.js';

/** The built-in scopes, for a server older than `GET /api/v1/scopes` (or one that failed). */
const BUILT_IN: readonly ScopeInfo[] = SCOPES.map((name) => ({
  name,
  description: SCOPE_CATALOGUE[name],
  built_in: true,
  roles: [],
}));

/**
 * The server's scope catalogue (its own scopes and the operator's), for the scope checkboxes:
 * the built-in scopes until it arrives, and for good when the server cannot say.
 */
export function useScopeCatalogue(): readonly ScopeInfo[] {
  const api = useApi();
  const [scopes, setScopes] = useState<readonly ScopeInfo[]>(BUILT_IN);
  useEffect(() => {
    let current = true;
    api<ScopeInfo[]>('GET', '/api/v1/scopes')
      .then(({ data }) => current && setScopes(data))
      .catch(() => {
        // An older server: the built-in scopes are its whole catalogue.
      });
    return () => {
      current = false;
    };
  }, [api]);
  return scopes;
}
