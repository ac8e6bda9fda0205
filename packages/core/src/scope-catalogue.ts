import {
  isScope,
  ROLE_SCOPES,
  ROLES,
  type Role,
  SCOPE_CATALOGUE,
  SCOPES,
  unprovidedScopeReason,
} from './scopes.js';

/** What a scope name must look like: `resource:action`, lower case, digits and underscores. */
export const SCOPE_NAME_PATTERN = /^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/;

/** A scope an operator declares beside the built-in ones (`ONEPIN_SCOPES_FILE`). */
export interface CustomScope {
  readonly name: string;
  readonly description: string;
  /** The workspace roles whose sessions hold it; `admin` holds every scope whatever this says. */
  readonly roles: readonly Role[];
}

/** One entry of the catalogue, as `GET /api/v1/scopes` lists it. */
export interface ScopeDefinition {
  readonly name: string;
  readonly description: string;
  /** True for the scopes of this server's own routes; false for an operator's. */
  readonly builtIn: boolean;
  /** The roles whose sessions act with it, in `ROLES` order (`admin` always). */
  readonly roles: readonly Role[];
}

/**
 * Why `name` cannot be declared as a custom scope (a bad name, a built-in, an official scope
 * this server does not provide), or null when it can.
 */
export function customScopeNameProblem(name: string): string | null {
  if (!SCOPE_NAME_PATTERN.test(name)) {
    return 'is not a scope name: resource:action in a-z, 0-9 and _, starting with a letter (e.g. billing:read)';
  }
  if (isScope(name)) return 'is a built-in scope';
  const unprovided = unprovidedScopeReason(name);
  return unprovided === null ? null : `is reserved: ${unprovided}`;
}

const NO_SCOPES: readonly string[] = Object.freeze([]);

/**
 * The scopes this server knows: the built-in ones (`SCOPE_CATALOGUE`) and the operator's. It
 * is the one authority on what a scope string grants: a key keeps every string it was given,
 * but only those in the catalogue grant anything (`granted`), so a scope removed from the
 * operator's file stops granting at once and starts again only if it is declared again.
 * Immutable; built once at start.
 */
export class ScopeCatalogue {
  /** Every scope, sorted by name. */
  readonly definitions: readonly ScopeDefinition[];
  /** Every scope name, sorted. */
  readonly names: readonly string[];
  readonly #byName: ReadonlyMap<string, ScopeDefinition>;
  readonly #roleScopes: Readonly<Record<Role, readonly string[]>>;

  /** Throws on a custom scope that `customScopeNameProblem` refuses or that is declared twice
   * (the server's config reports those first, naming the file and the entry). */
  constructor(custom: readonly CustomScope[] = []) {
    const byName = new Map<string, ScopeDefinition>();
    for (const name of SCOPES) {
      const roles = ROLES.filter((role) => ROLE_SCOPES[role].includes(name));
      byName.set(name, freeze({ name, description: SCOPE_CATALOGUE[name], builtIn: true, roles }));
    }
    for (const scope of custom) {
      const problem = customScopeNameProblem(scope.name);
      if (problem !== null) throw new Error(`scope ${JSON.stringify(scope.name)} ${problem}`);
      if (byName.has(scope.name)) throw new Error(`scope ${scope.name} is declared twice`);
      const roles = ROLES.filter((role) => role === 'admin' || scope.roles.includes(role));
      byName.set(
        scope.name,
        freeze({ name: scope.name, description: scope.description, builtIn: false, roles }),
      );
    }
    this.names = Object.freeze([...byName.keys()].sort());
    this.definitions = Object.freeze(this.names.map((name) => byName.get(name) as ScopeDefinition));
    this.#byName = byName;
    const roleScopes = {} as Record<Role, readonly string[]>;
    for (const role of ROLES) {
      roleScopes[role] = Object.freeze(
        this.definitions.filter((d) => d.roles.includes(role)).map((d) => d.name),
      );
    }
    this.#roleScopes = Object.freeze(roleScopes);
    Object.freeze(this);
  }

  /** Whether `name` is a scope of this catalogue (a string removed from it is not). */
  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** The entry for `name`, if the catalogue has it. */
  get(name: string): ScopeDefinition | undefined {
    return this.#byName.get(name);
  }

  /** The scopes a session acting with `role` holds (frozen, sorted; the same array each time). */
  roleScopes(role: Role): readonly string[] {
    return this.#roleScopes[role];
  }

  /** What a key holding `keyScopes` may do: those of its scopes the catalogue has. Compute it
   * once per key loaded, not per request. Frozen. */
  granted(keyScopes: readonly string[]): readonly string[] {
    if (keyScopes.length === 0) return NO_SCOPES;
    return Object.freeze(keyScopes.filter((scope) => this.#byName.has(scope)));
  }

  /** The strings of `keyScopes` the catalogue does not have (removed from the operator's
   * file since the key got them): they grant nothing, and are shown as unknown. */
  unknown(keyScopes: readonly string[]): string[] {
    return keyScopes.filter((scope) => !this.#byName.has(scope));
  }
}

function freeze(definition: ScopeDefinition): ScopeDefinition {
  return Object.freeze({ ...definition, roles: Object.freeze([...definition.roles]) });
}

/** The built-in scopes alone: the catalogue of a server without `ONEPIN_SCOPES_FILE`, and the
 * fallback of clients that cannot ask the server for its own. */
export const BUILT_IN_SCOPE_CATALOGUE = new ScopeCatalogue();

/**
 * The scopes a key's stored `keyScopes` grant under `catalogue`: authorization (route guards,
 * the verify API) must use only these, never the stored list itself.
 */
export function grantedScopes(
  keyScopes: readonly string[],
  catalogue: ScopeCatalogue,
): readonly string[] {
  return catalogue.granted(keyScopes);
}
