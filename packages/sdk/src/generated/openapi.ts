// Generated from the server's OpenAPI document by packages/sdk/scripts/generate-types.ts.
// Do not edit: run `npm run generate -w @onepin/sdk` after changing a server schema.

export interface paths {
    "/api/v1/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's audit log, newest first
         * @description An API key sees the events of its own environment (live or test).
         */
        get: {
            parameters: {
                query?: {
                    /** @description From the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ActivityEvent"][];
                            meta: components["schemas"]["Meta"];
                            pagination: components["schemas"]["CursorPagination"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation error; `details` names each offending field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's API keys (never their secrets)
         * @description An API key sees only keys of its own type (live or test).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description `revoked` includes expired keys */
                    status?: "active" | "revoked" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
                            meta: components["schemas"]["Meta"];
                            pagination: components["schemas"]["OffsetPagination"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation error; `details` names each offending field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key
         * @description The plaintext `api_key` is in this response only. An API key can only create keys of its own type, with scopes it holds itself, expiring no later than itself.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyCreate"];
                };
            };
            responses: {
                /** @description The new key, with its plaintext */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKeyCreated"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Malformed request (e.g. invalid JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation error; `details` names each offending field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one API key (never its secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another workspace or environment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Revoke a key
         * @description Soft: the key stops working at once and stays listed as revoked. Revoking twice is harmless.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The revoked key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another workspace or environment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a key's name, scopes, rate limit, active flag or expiry
         * @description Revoked, expired and rotated-out keys cannot change (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyUpdate"];
                };
            };
            responses: {
                /** @description The updated key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Malformed request (e.g. invalid JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another workspace or environment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation error; `details` names each offending field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Replace a key with a new secret
         * @description The new key keeps the name, scopes, type, rate limit and expiry. The old key stops now, or after `grace_period_seconds` (never past its own expiry). The new plaintext is in this response only.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ApiKeyRotate"];
                };
            };
            responses: {
                /** @description The old key (as it is now) and the new key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKeyRotation"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Malformed request (e.g. invalid JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another workspace or environment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation error; `details` names each offending field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the credential belongs to
         * @description Any valid credential may call this, including a key without scopes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Whoami"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workspace */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workspace"];
                            meta: components["schemas"]["Meta"];
                        };
                    };
                };
                /** @description Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivityEvent: {
            actor: {
                id: string | null;
                name: string | null;
                /** @enum {string} */
                type: "api_key" | "user" | "system";
            };
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            environment: components["schemas"]["KeyType"];
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            target: {
                id: string;
                type: string;
            } | null;
            /** @example api_key_created */
            type: string;
        };
        ApiKey: {
            /** @description Whether the key can be used now */
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            created_by: string | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string | null;
            /** Format: uuid */
            id: string;
            /** @example op_live_ */
            key_prefix: string;
            /** @example AbCd */
            key_suffix: string;
            key_type: components["schemas"]["KeyType"];
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            last_used_at: string | null;
            name: string;
            /** @example op_live_…AbCd */
            preview: string;
            rate_limit_per_min: number | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            revoked_at: string | null;
            scopes: components["schemas"]["Scope"][];
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            workspace_id: string;
        };
        ApiKeyCreate: {
            /** Format: date-time */
            expires_at?: string | null;
            key_type?: components["schemas"]["KeyType"];
            name: string;
            rate_limit_per_min?: number | null;
            /** @default [] */
            scopes?: components["schemas"]["Scope"][];
        };
        ApiKeyCreated: components["schemas"]["ApiKey"] & {
            /** @description The plaintext key. Returned only this once: store it now. */
            api_key: string;
        };
        ApiKeyRotate: {
            grace_period_seconds?: number;
        };
        ApiKeyRotation: {
            new_key: components["schemas"]["ApiKeyCreated"];
            old_key: components["schemas"]["ApiKey"];
        };
        ApiKeyUpdate: {
            active?: boolean;
            /** Format: date-time */
            expires_at?: string | null;
            name?: string;
            rate_limit_per_min?: number | null;
            scopes?: components["schemas"]["Scope"][];
        };
        CursorPagination: {
            /** @description Pass as `cursor` for the next page; null on the last page */
            cursor: string | null;
            limit: number;
            next: string | null;
        };
        Error: {
            error: {
                /** @example INVALID_API_KEY */
                code: string;
                details?: components["schemas"]["ErrorDetail"][];
                message: string;
            };
            meta: components["schemas"]["Meta"];
        };
        ErrorDetail: {
            field: string;
            message: string;
        };
        /** @enum {string} */
        KeyType: "live" | "test";
        Meta: {
            /** @example 3f1e… */
            request_id: string;
            /** Format: date-time */
            timestamp: string;
        };
        OffsetPagination: {
            limit: number;
            /** @description Path of the next page, or null */
            next: string | null;
            offset: number;
            /** @description Path of the previous page, or null */
            prev: string | null;
            total: number;
        };
        /** @enum {string} */
        Scope: "api_keys:read" | "api_keys:write" | "templates:read" | "uploads:write" | "workflows:read" | "workflows:write" | "workspace:read";
        Whoami: {
            api_key_id: string | null;
            /** @enum {string} */
            auth_kind: "api_key" | "session";
            /**
             * Format: date-time
             * @description The key's creation time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string | null;
            key_name: string | null;
            key_type: components["schemas"]["KeyType"] | null;
            /**
             * @description Sessions only
             * @enum {string|null}
             */
            role: "admin" | "editor" | "viewer" | null;
            scopes: components["schemas"]["Scope"][];
            user_id: string | null;
            workspace_id: string;
            workspace_name: string;
        };
        Workspace: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            id: string;
            name: string;
            slug: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
