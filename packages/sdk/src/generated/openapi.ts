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
         * @description Newest first, a cursor page at a time. An API key sees the events of its own environment (live or test).
         */
        get: {
            parameters: {
                query?: {
                    /** @description From the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description The last 30, 60 or 90 calendar days (today included); default: all */
                    range?: "30d" | "60d" | "90d";
                    /** @description The zone whose calendar days `range` counts; default UTC */
                    timezone?: string;
                    /** @description A public API type (its events; `workflow_run` and `voice_generated` match none here) or one event type */
                    type?: "workflow_run" | "voice_generated" | "template_applied" | "member_invited" | "api_key_created" | "settings_changed" | "template_cloned" | "member_added" | "api_key_updated" | "api_key_rotated" | "api_key_revoked" | "member_role_changed" | "member_removed" | "member_login" | "test_data_wiped" | "upload_confirmed" | "upload_deleted" | "workflow_created" | "workflow_deleted" | "workflow_updated" | "workspace_created";
                    /** @description Events by this member, directly or with keys they created; 404 for a non-member */
                    user_id?: string;
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
                /** @description Not found, or owned by another workspace or environment */
                404: {
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
                    /** @description `active` (the default): keys usable now; `revoked`: every other key (revoked, expired or deactivated); `all`: both */
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
         * @description The plaintext `api_key` is in this response only. An API key can only create keys of its own type, with scopes it holds itself, expiring no later than itself, with a rate limit no higher than its own (without `expires_at` or `rate_limit_per_min`, the new key gets the caller's own when that is stricter). A rotated-out key cannot create keys.
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
         * @description Soft: the key stops working at once and stays listed as revoked. Revoking twice is harmless. A rotated-out key cannot revoke keys (403).
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
         * @description Revoked, expired and rotated-out keys cannot change (409). An API key cannot change its own rate limit, give a key a limit above its own or an expiry past its own, or turn a deactivated key back on (only an admin session can); a rotated-out key cannot change keys (403).
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
         * @description The new key keeps the name, scopes, type, rate limit, expiry and active flag, and the old key's rate-limit count. The old key stops now, or after `grace_period_seconds` (never past its own expiry). The new plaintext is in this response only. An API key can rotate only keys it could create: 403 when the key would outlive the caller or has a higher rate limit; a rotated-out key cannot rotate keys.
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
    "/api/v1/auth/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke the calling key (device-login keys only)
         * @description What `onepin logout` does with a key `onepin login --web` made: the key revokes itself, whatever its scopes, and answers itself revoked. Any other key gets 403 `FORBIDDEN` (a pasted key is revoked by whoever manages it, in the dashboard or with `onepin keys revoke`); a session gets 403.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key, revoked */
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
        patch?: never;
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
    "/api/v1/credentials/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke keys you found: no authentication, holding a key is the proof
         * @description In the style of GitHub's credential revocation API: up to 1,000 strings in `credentials`. Every one that is a live key of this server is revoked (within a second or so: the server queues them) and its workspace hears `api_key.leaked` with source `public_report`. The answer is the same `202` whether or not any key existed, and no key is ever echoed. Rate-limited per address (`ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN`, 10).
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
                    "application/json": components["schemas"]["CredentialsRevoke"];
                };
            };
            responses: {
                /** @description Received */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["CredentialsRevokeReceipt"];
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
    "/api/v1/device": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a device sign-in waiting under a user code is
         * @description For the approval page: what the device reported about itself (unverified), the address and time the server saw, and what the signed-in member may grant in each of their workspaces. 404 for a code no sign-in is waiting under; wrong codes are throttled per address, per account and per node (429).
         */
        get: {
            parameters: {
                query: {
                    user_code: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The waiting sign-in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeviceRequest"];
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
    "/api/v1/device/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a device sign-in
         * @description Lets the device waiting under `user_code` collect a key for `workspace_id` (one of the member’s), named "CLI on <host>", with `scopes` (default: what the role allows but `api_keys:write`; 403 `INSUFFICIENT_SCOPE` for more than the role allows), `key_type` (default live) and an expiry of `expires_in_days` (1–365, default 90). The key is minted when the device polls, under the member’s role as it is then, and its plaintext goes only to the device.
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
                    "application/json": components["schemas"]["DeviceApprove"];
                };
            };
            responses: {
                /** @description Approved: the device collects its key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeviceApproval"];
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
    "/api/v1/device/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing a device in through the browser (RFC 8628)
         * @description For a program without a key yet (`onepin login --web`). Answers a `device_code` for the program alone, and a `user_code` a person confirms at `verification_uri` while signed in to the dashboard. Poll `POST /api/v1/device/token` every `interval` seconds. No credential; 10 per minute per address. Programs may call it at any host name of the server; a browser (which sends `Origin`) only at the public URL, from its origin.
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
                    "application/json": components["schemas"]["DeviceCodeRequest"];
                };
            };
            responses: {
                /** @description The codes and where to approve them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeviceCode"];
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
                /** @description Busy or unavailable for a moment; see Retry-After */
                503: {
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
    "/api/v1/device/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny a device sign-in
         * @description The device waiting under `user_code` gets `ACCESS_DENIED` at its next poll, and no key.
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
                    "application/json": components["schemas"]["DeviceDeny"];
                };
            };
            responses: {
                /** @description Denied */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeviceDenied"];
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
    "/api/v1/device/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Poll for the key of a device sign-in (RFC 8628)
         * @description Answers 400 with the RFC 8628 errors as codes: `AUTHORIZATION_PENDING` (keep polling), `SLOW_DOWN` (polled sooner than the interval after the previous poll: add 5 s to the interval, for good), `ACCESS_DENIED`, `EXPIRED_TOKEN`, and `INVALID_GRANT` for an unknown or already used device code. `Retry-After` carries the interval to keep. Once approved, the new key — its plaintext this once, never stored — and the code is used up. Unknown device codes count as failed authentications of the address (429 past the limit).
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
                    "application/json": components["schemas"]["DeviceTokenRequest"];
                };
            };
            responses: {
                /** @description Approved: the new key, shown this once */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeviceToken"];
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
    "/api/v1/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link is for
         * @description The invited email, the workspace, the role and who invited. Nothing about whether the email has an account. 404 when the link is unknown, used or expired (counted as a failed authentication of the address).
         */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Invitation"];
                            meta: components["schemas"]["Meta"];
                        };
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
         * Create an account with an invitation link, join, and sign in
         * @description For a person who has no account yet: makes one with their own password and joins the workspace. An email that has an account already gets 409: its owner signs in and accepts with `POST /api/v1/invitation/accept` (an invitation never sets the password of an account that exists). The link works once. Unusable links count as failed authentications of the address (429 past the limit).
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
                    "application/json": components["schemas"]["InvitationAccept"];
                };
            };
            responses: {
                /** @description Signed in, in the joined workspace */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
                /** @description Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH) */
                403: {
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
                /** @description Busy or unavailable for a moment; see Retry-After */
                503: {
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
    "/api/v1/invitation/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation as the signed-in account
         * @description Joins the signed-in account to the invitation’s workspace with its role, only when the account’s email is the invited one (403 otherwise). Answers the session in the joined workspace. The link works once.
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
                    "application/json": components["schemas"]["InvitationAcceptSignedIn"];
                };
            };
            responses: {
                /** @description The session, in the joined workspace */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
    "/api/v1/keys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify an API key (service tokens only)
         * @description For the operator's own services, authenticated with a service token (`op_svc_…`): whether `key` may be used, with its scopes and workspace, consuming one request of the key's rate limit. Always 200 for a well-formed request; `code` says why a key is refused, checked in this order: `INVALID` (unknown, revoked, expired, rotated out, malformed: nothing more is said) → the rate limit is consumed → `RATE_LIMITED` → `WORKSPACE_MISMATCH` (`workspace_id` given and different) → `INSUFFICIENT_SCOPE` (`missing_scopes`) → `VALID`. Counted per key per hour, never one audit row per call.
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
                    "application/json": components["schemas"]["VerifyRequest"];
                };
            };
            responses: {
                /** @description The verdict */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["VerifyResult"];
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
    "/api/v1/keys/verify/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify several API keys (service tokens only)
         * @description Up to 100 verifications as `POST /api/v1/keys/verify` does each, answered in order (422 past 100).
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
                    "application/json": components["schemas"]["VerifyBatchRequest"];
                };
            };
            responses: {
                /** @description One verdict per key, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["VerifyBatchResult"];
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
    "/api/v1/keys/verify/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Key invalidation events (server-sent events; service tokens only)
         * @description A `text/event-stream` of the keys whose cached verifications stopped being true, for remote verification caches. First `event: ready` (`id`: the latest event id; data `{"heartbeat_ms": N}`), then one `event: invalidate` per changed key (`id`: its sequence number; data `{"key_hash": "<SHA-256 hex of the key>", "reason": "revoked|rotated|updated|deleted|leaked"}`), and a `: heartbeat` comment every `heartbeat_ms`.
         *
         *     Resume with `Last-Event-ID` (or `?last_event_id=`): the events after it are replayed. When that id is unknown or older than the retained window (24 hours), `event: reset` (data `{"reason": …}`) says to drop the whole cache instead.
         */
        get: {
            parameters: {
                query?: {
                    /** @description As the `Last-Event-ID` header (which wins when both are sent). */
                    last_event_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
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
    "/api/v1/keys/verify/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a verifier's local counts (service tokens only)
         * @description A remote verifier that answers cached keys itself reports how many requests each key made: each `count` is consumed from the key's rate limit (shared with its rotated predecessors; `remaining` floors at 0) and recorded as use. `valid: false` means the key can no longer be used: drop it from the cache.
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
                    "application/json": components["schemas"]["VerifyUsageReport"];
                };
            };
            responses: {
                /** @description Each key, in order, with its budget now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["VerifyUsageResult"];
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
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's members, then its pending invitations
         * @description Any member may see who else belongs to the workspace and who is invited. Members come oldest first, then invitations (`status: invited`), oldest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of members and invitations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Member"][];
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
         * Invite a person to the workspace by email, with a role
         * @description Answers the same for every email that is not a member of this workspace yet, whether or not it has an account: a pending invitation (`status: invited`) and `invite_url`, a one-time link (7 days) for the admin to hand over. A new person creates their account with it; someone with an account signs in and accepts. Inviting a pending email again replaces its link and role. Someone already in the workspace: 409.
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
                    "application/json": components["schemas"]["MemberAdd"];
                };
            };
            responses: {
                /** @description The invitation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MemberAdded"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member from the workspace, and revoke their keys
         * @description Their account stays (it may belong to other workspaces); their sessions lose this workspace at once. The keys they made here that still work are revoked in the same action unless `revoke_keys=false` (`GET /api/v1/members/{user_id}/api-keys` lists them first); the activity log records the choice. The last admin cannot be removed (409).
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Revoke the keys the member made in this workspace (default `true`); `false` keeps them working */
                    revoke_keys?: "true" | "false";
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The removed member and what became of their keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MemberRemoved"];
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
                /** @description Conflict with the current state */
                409: {
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
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description The last admin cannot be demoted (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberUpdate"];
                };
            };
            responses: {
                /** @description The member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Member"];
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
    "/api/v1/members/{user_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's keys that still work
         * @description The keys the member made in this workspace (themselves or through their keys) that are neither revoked nor expired, newest first: what removing them revokes by default.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw a pending invitation
         * @description Its link stops working at once.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitation_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Withdrawn */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["InvitationCancelled"];
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
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whose password a set-password link sets
         * @description The links printed by `onepin-server admin create-user` (without a password) and `admin reset-password`. 404 when the link is unknown, used or expired (counted as a failed authentication of the address).
         */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["PasswordLink"];
                            meta: components["schemas"]["Meta"];
                        };
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
         * Set a password with a set-password link, and sign in
         * @description The link works once, for 24 hours; every other session of the account ends. Unusable links count as failed authentications of the address (429 past the limit).
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
                    "application/json": components["schemas"]["PasswordSet"];
                };
            };
            responses: {
                /** @description Signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
                /** @description Busy or unavailable for a moment; see Retry-After */
                503: {
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
    "/api/v1/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scopes keys can hold
         * @description The server's scope catalogue, sorted by name: its built-in scopes and the operator's own (`ONEPIN_SCOPES_FILE`). Any valid credential may call this, a key without scopes included. The list is small (the operator declares at most 100), so it is returned whole, without pagination.
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
                /** @description Every scope */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ScopeInfo"][];
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
    "/api/v1/secret-scanning/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub secret scanning: OnePin keys found in public (GitHub's partner format)
         * @description No API key: GitHub signs each report (ECDSA P-256, SHA-256 over the raw body; `Github-Public-Key-Identifier`, `Github-Public-Key-Signature`) with one of the public keys the operator saved to `ONEPIN_SECRET_SCANNING_KEYS_FILE`; anything else gets 401. Each match that is a key of this server is a `true_positive` and, unless `ONEPIN_SECRET_SCANNING_ACTION=notify`, revoked at once if it still works; `api_key.leaked` fires with the URL. The answer is the bare array GitHub expects, not the usual envelope.
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
                    "application/json": components["schemas"]["GithubSecretScanningReport"];
                };
            };
            responses: {
                /** @description One label per match, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GithubSecretScanningResponse"];
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
    "/api/v1/service-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the instance's service tokens (instance admins)
         * @description Every service token of the server, newest first, revoked ones too: never the token, only its preview. Service tokens call only the verify API (`/api/v1/keys/verify…`). Instance admins only (403 otherwise).
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
                /** @description The service tokens, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ServiceToken"][];
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
        /**
         * Create a service token (instance admins)
         * @description A token (`op_svc_…`) with which a service of yours calls the verify API, and nothing else. The `token` is in this response only: store it now. Audited (never the token). Instance admins only (403 otherwise).
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
                    "application/json": components["schemas"]["ServiceTokenCreate"];
                };
            };
            responses: {
                /** @description The new token, shown this once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ServiceTokenWithToken"];
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
    "/api/v1/service-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a service token (instance admins)
         * @description The token stops working on the next request, on every node. Revoking a revoked token changes nothing and answers it as it is; an unknown id is 404. Audited. Instance admins only (403 otherwise).
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
                /** @description The revoked token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ServiceToken"];
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
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person, their workspaces and the CSRF token
         * @description With `X-Workspace-Id`, `workspace` is that one (it must be one of `workspaces`).
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
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
        /**
         * Sign in to the dashboard
         * @description Sets the session cookie (HttpOnly, SameSite=Lax, Secure behind https). An unknown email and a wrong password get the same 401. After 5 failures for one email from one address within 15 minutes: 429 until the window ends.
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
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
        /**
         * Sign out
         * @description Deletes the session on the server and clears the cookie.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SignedOut"];
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far the first run got, and whether a setup link can still be used
         * @description The link is the one the server prints on each start while no user exists (each start replaces the previous link). `stage` tells the sign-in page whether anyone can sign in yet.
         */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Whether the link is usable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SetupCheck"];
                            meta: components["schemas"]["Meta"];
                        };
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
            };
        };
        put?: never;
        /**
         * Create the first admin and workspace with the one-time setup link
         * @description Only while no user exists. The token is used up in the same transaction that creates the account, and the new admin is signed in.
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
                    "application/json": components["schemas"]["Setup"];
                };
            };
            responses: {
                /** @description The admin, signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
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
                /** @description Validation error; `details` names each offending field */
                422: {
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
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the template gallery
         * @description The starter templates that ship with the server, in gallery order unless `sort` says otherwise.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Repeat to match any of several categories */
                    category?: components["schemas"]["TemplateCategory"] | components["schemas"]["TemplateCategory"][];
                    /** @description `true` matches no template: favourites are not provided by this server */
                    favorites_only?: boolean;
                    limit?: number;
                    offset?: number;
                    /** @description Case-insensitive substring of the name or description */
                    search?: string;
                    /** @description `popular` (most cloned by your workspace first), `recent` (last changed first) or `name`; default: gallery order */
                    sort?: "popular" | "recent" | "name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Template"][];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a template */
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
                /** @description The template */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Template"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}/clone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clone a template into a new workflow
         * @description Needs `workflows:write` (the clone is a workflow), not `templates:read`. The workflow is named "{template} (Copy)" (or "(Copy 2)"… when taken) unless the body names it; a name that is taken is a 409.
         */
        post: {
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
                    "application/json": components["schemas"]["WorkflowCopy"];
                };
            };
            responses: {
                /** @description The new workflow */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an upload
         * @description Returns the pending upload and a signed `upload_url`: PUT exactly `size_bytes` bytes there within 15 minutes (no API key), then confirm the upload.
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
                    "application/json": components["schemas"]["UploadCreate"];
                };
            };
            responses: {
                /** @description The upload and where to send its bytes */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UploadCreated"];
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
    "/api/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an upload: bind it to a workflow
         * @description The workflow must be in the same workspace and data set (else 404). Before the bytes arrived: 409. Confirming again to the same workflow returns the upload; to another one: 409.
         */
        post: {
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
                    "application/json": components["schemas"]["UploadConfirm"];
                };
            };
            responses: {
                /** @description The confirmed upload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Upload"];
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
        /** Delete an upload and its bytes */
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
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Deleted"];
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
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's activity, newest first
         * @description Newest first, a cursor page at a time. An API key sees the events of its own environment (live or test).
         */
        get: {
            parameters: {
                query?: {
                    /** @description From the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description The last 30, 60 or 90 calendar days (today included); default: all */
                    range?: "30d" | "60d" | "90d";
                    /** @description The zone whose calendar days `range` counts; default UTC */
                    timezone?: string;
                    /** @description A public API type (its events; `workflow_run` and `voice_generated` match none here) or one event type */
                    type?: "workflow_run" | "voice_generated" | "template_applied" | "member_invited" | "api_key_created" | "settings_changed" | "template_cloned" | "member_added" | "api_key_updated" | "api_key_rotated" | "api_key_revoked" | "member_role_changed" | "member_removed" | "member_login" | "test_data_wiped" | "upload_confirmed" | "upload_deleted" | "workflow_created" | "workflow_deleted" | "workflow_updated" | "workspace_created";
                    /** @description Events by this member, directly or with keys they created; 404 for a non-member */
                    user_id?: string;
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
                /** @description Not found, or owned by another workspace or environment */
                404: {
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
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's webhooks (never their secrets)
         * @description An API key sees only the webhooks of its own type (live or test); oldest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of webhooks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Webhook"][];
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
         * Create a webhook
         * @description Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,…`) with the `secret` in this response, shown only this once. The URL must reach a public address (private, loopback and link-local targets are refused, at creation and at every delivery). A workspace has at most 20 webhooks (409 beyond).
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
                    "application/json": components["schemas"]["WebhookCreate"];
                };
            };
            responses: {
                /** @description The new webhook, with its signing secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookWithSecret"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one webhook (never its secret) */
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
                /** @description The webhook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Webhook"];
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
        /** Delete a webhook, its pending deliveries and its delivery log */
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
                /** @description The deleted webhook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Webhook"];
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
         * Change a webhook: URL, description, events, or switch it off and on
         * @description A disabled webhook gets no new events, and its pending deliveries fail when their turn comes.
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
                    "application/json": components["schemas"]["WebhookUpdate"];
                };
            };
            responses: {
                /** @description The webhook as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Webhook"];
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
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's delivery log, newest first
         * @description One entry per event sent to this webhook: its state, attempts so far, the last status code or error, and when the next attempt is due. Kept for 30 days.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description Only deliveries in this state */
                    status?: components["schemas"]["WebhookDeliveryStatus"] & unknown;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
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
                /** @description Not found, or owned by another workspace or environment */
                404: {
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
    "/api/v1/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: the body sent and every attempt with its status code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    delivery_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delivery */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDeliveryDetail"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again, now
         * @description The same event, `webhook-id` and body, signed afresh. A delivery still being retried keeps its schedule after this attempt; a finished one gets this attempt only. 409 when the webhook is disabled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    delivery_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delivery, due now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDeliveryDetail"];
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
                /** @description Conflict with the current state */
                409: {
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
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook's signing secret
         * @description The new `secret` is in this response only. The previous secret keeps signing beside it (two `v1,` signatures per delivery) for `grace_period_seconds` (default 86400, 0 to drop it at once, at most 604800), so receivers can switch without missing a delivery.
         */
        post: {
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
                    "application/json": components["schemas"]["WebhookSecretRotate"];
                };
            };
            responses: {
                /** @description The webhook, with its new signing secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookWithSecret"];
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
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's workflows
         * @description A test key sees only test workflows, a live key only live ones. The filters on runs answer as for workflows never run: this server runs none.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `true` matches no workflow (none has run), `false` every one. */
                    has_failed_run?: boolean;
                    /** @description Matches no workflow: none has run. */
                    last_run_after?: string;
                    /** @description Matches no workflow: none has run. */
                    last_run_before?: string;
                    limit?: number;
                    offset?: number;
                    /** @description Parallel to `sort`; a missing entry takes the field default: `asc` for `name`, `desc` otherwise. */
                    order?: ("asc" | "desc") | ("asc" | "desc")[];
                    /** @description Case-insensitive substring of the name */
                    search?: string;
                    /** @description Repeat for several keys (`sort=name&sort=updated_at`). Default `updated_at`. `runs_count` is 0 for every workflow (no runs), so it leaves the order to the next key. Ties are broken by `id`. */
                    sort?: ("name" | "updated_at" | "created_at" | "runs_count") | ("name" | "updated_at" | "created_at" | "runs_count")[];
                    /** @description State of the latest run. No workflow has run here: `draft` matches all, the others none. */
                    status?: "draft" | "running" | "completed" | "failed" | "paused";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of workflows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"][];
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
         * Create a workflow
         * @description In the live or test data set of the calling key. Names are unique per workspace (409 `CONFLICT`).
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
                    "application/json": components["schemas"]["WorkflowCreate"];
                };
            };
            responses: {
                /** @description The new workflow */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a workflow */
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
                /** @description The workflow */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
        /**
         * Replace a workflow
         * @description `name` and `definition` are required; a `description` left out becomes null.
         */
        put: {
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
                    "application/json": components["schemas"]["WorkflowReplace"];
                };
            };
            responses: {
                /** @description The workflow as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
        post?: never;
        /**
         * Delete a workflow
         * @description Soft: the workflow answers 404 from now on and its name is free again; its uploads stay.
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
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Deleted"];
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
         * Change some fields of a workflow
         * @description Only the fields sent change; `definition` is replaced as a whole. An empty body is a 422.
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
                    "application/json": components["schemas"]["WorkflowUpdate"];
                };
            };
            responses: {
                /** @description The workflow as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
    "/api/v1/workflows/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate a workflow
         * @description A new workflow with the same description and definition, named "{name} (Copy)" (or "(Copy 2)"… when taken) unless the optional body names it.
         */
        post: {
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
                    "application/json": components["schemas"]["WorkflowCopy"];
                };
            };
            responses: {
                /** @description The copy */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workflow"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the uploads confirmed to a workflow
         * @description Newest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of uploads */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Upload"][];
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
                /** @description Not found, or owned by another workspace or environment */
                404: {
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
    "/api/v1/workflows/name-availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a workflow name is free
         * @description Names are unique among the caller's workflows that are not deleted (case-sensitive). Pass `exclude_id` when renaming.
         */
        get: {
            parameters: {
                query: {
                    /** @description The workflow being renamed: its own name reads as available */
                    exclude_id?: string;
                    /** @description Checked with the same rules as a new name (trimmed; 422 when not valid) */
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The name and whether it is free */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkflowNameAvailability"];
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
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's workspaces
         * @description A key's one workspace (keys are bound to it for good); a session's every membership. Oldest first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of workspaces */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Workspace"][];
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a workspace
         * @description A key sees its own workspace, a session every workspace the person belongs to; any other is 404, whether it exists or not.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    workspace_id: string;
                };
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{ws_id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a person by email (the public API's path)
         * @description What `POST /members` does, answered in the public OnePin shape: a pending invitation and `invite_url` (one-time, 7 days), the same for every email that is not a member yet. Already a member: 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberAdd"];
                };
            };
            responses: {
                /** @description The invitation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspaceInvite"];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{ws_id}/invites/{invite_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw an invitation (the public API's path)
         * @description What `DELETE /members/invitations/{invitation_id}` does: the link stops working at once (accepting it then answers 410), and the invitation leaves the members list. An expired invitation may be withdrawn too. One that was accepted or withdrawn already, or belongs to another workspace, is not found (404).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invite_id: string;
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The withdrawn invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspaceRevokedInvite"];
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
         * Change the role a pending invitation grants (the public API's path)
         * @description The link stays the same; the new role applies when the invited person accepts. An expired invitation: 409 (invite the email again for a new link). One that was accepted or withdrawn, or belongs to another workspace, is not found (404).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invite_id: string;
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberUpdate"];
                };
            };
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspacePendingInvite"];
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
    "/api/v1/workspaces/{ws_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workspace's members (the public API's path)
         * @description The same members as `GET /members`, oldest first, in the public OnePin shape; for signed-in members of `ws_id` (another workspace: 404).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The members */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspaceMember"][];
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
                /** @description Not found, or owned by another workspace or environment */
                404: {
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
    "/api/v1/workspaces/{ws_id}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (the public API's path)
         * @description What `DELETE /members/{user_id}` does, revoking the keys they made here (as that route does by default; use it with `revoke_keys=false` to keep them). The last admin cannot be removed (409).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    member_id: string;
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The removed member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspaceMember"];
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
                /** @description Conflict with the current state */
                409: {
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
         * Change a member's role (the public API's path)
         * @description What `PATCH /members/{user_id}` does. The last admin cannot be demoted (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    member_id: string;
                    ws_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberUpdate"];
                };
            };
            responses: {
                /** @description The member */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkspaceMember"];
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
    "/api/v1/workspaces/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's workspace
         * @description A key's own workspace, or the one a session selected (`X-Workspace-Id`).
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
    "/api/v1/workspaces/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation as the signed-in account (the public API's path)
         * @description What `POST /api/v1/invitation/accept` does, with the token of `invite_url` in the path: joins the signed-in account to the invitation’s workspace with its role, only when the account’s email is the invited one (403 otherwise). No password is read or written. The link works once: used, withdrawn or expired, it answers 410 (counted as a failed authentication of the address, 429 past the limit).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The token of `invite_url` */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workspace joined */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AcceptedInvite"];
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
                /** @description The link was used, withdrawn or has expired (GONE) */
                410: {
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
    "/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Send the bytes of an upload (the `upload_url`)
         * @description Authenticated by the signature in the URL, not by an API key. Send exactly `size_bytes` bytes; more, a wrong length, an expired or forged URL leave nothing stored. Good for one upload: once the bytes are in, the URL answers 409.
         */
        put: {
            parameters: {
                query: {
                    /** @description Unix seconds */
                    expires: string;
                    signature: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description The upload, now `uploaded` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Upload"];
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
                /** @description The URL is forged, altered or expired */
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
            };
        };
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
        AcceptedInvite: {
            role: components["schemas"]["Role"] & unknown;
            /** @description The workspace joined */
            workspace_id: string;
        };
        ActivityEvent: {
            /**
             * @description The public API's activity type (`api_key_created`, `template_applied`, `member_invited`, `settings_changed`…), or the event's own type when none fits
             * @example settings_changed
             */
            action: string;
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
            /**
             * @description The precise event type
             * @example api_key_rotated
             */
            kind: string;
            metadata: {
                [key: string]: unknown;
            };
            /** @description What the event is about (the workspace when nothing narrower) */
            resource: {
                id: string | null;
                name: string | null;
                type: string;
            };
            target: {
                id: string;
                type: string;
            } | null;
            /**
             * Format: date-time
             * @description When it happened (same as `created_at`)
             * @example 2026-11-26T12:00:00.000Z
             */
            timestamp: string;
            /** @example api_key_created */
            type: string;
            /** @description The person: who acted, or who created the key that acted; null for the admin commands */
            user: {
                id: string;
                name: string;
            } | null;
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
             * @description `device_login` for a key made by signing the CLI in through the browser (`onepin login --web`): only such a key may revoke itself (`DELETE /api/v1/auth/key`, at `onepin logout`); null for every other key
             * @enum {string|null}
             */
            created_via: "device_login" | null;
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
             * @description The latest use known to the node that answers. Uses are written in batches once a minute: a use on this node shows at once, a use on another node within a minute.
             * @example 2026-11-26T12:00:00.000Z
             */
            last_used_at: string | null;
            leak: components["schemas"]["ApiKeyLeak"] | null;
            name: string;
            /** @example op_live_…AbCd */
            preview: string;
            rate_limit_per_min: number | null;
            /**
             * Format: uuid
             * @description The key that replaced this one in a rotation; it works until `expires_at` (grace period) or `revoked_at`
             */
            replaced_by: string | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            revoked_at: string | null;
            /**
             * Format: uuid
             * @description The key this one replaced in a rotation
             */
            rotated_from: string | null;
            /** @description Every scope the key was given, sorted; those in `unknown_scopes` grant nothing */
            scopes: components["schemas"]["Scope"][];
            /** @description The scopes of `scopes` that are no longer in the catalogue (removed from the operator's scopes file): shown, kept, granting nothing */
            unknown_scopes: string[];
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
        ApiKeyLeak: {
            /**
             * @description `revoked`: the report revoked the key; `notified`: it was only reported
             * @enum {string}
             */
            action: "revoked" | "notified";
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            reported_at: string;
            /**
             * @description `github`: GitHub secret scanning; `public_report`: the public revocation endpoint
             * @enum {string}
             */
            source: "github" | "public_report";
            /** @description Where the key was found, when known */
            url: string | null;
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
        CredentialsRevoke: {
            credentials: string[];
        };
        CredentialsRevokeReceipt: {
            /** @description How many credentials the request held */
            received: number;
        };
        CursorPagination: {
            /** @description Pass as `cursor` for the next page; null on the last page */
            cursor: string | null;
            limit: number;
            next: string | null;
            /** @description Always null: cursor pages go forward only */
            prev: null;
        };
        Deleted: {
            /** @enum {boolean} */
            deleted: true;
            id: string;
        };
        DeviceApproval: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            key_expires_at: string;
            key_name: string;
            key_type: components["schemas"]["KeyType"];
            scopes: components["schemas"]["Scope"][];
            workspace_id: string;
            workspace_name: string;
        };
        DeviceApprove: {
            /** @description Default 90 */
            expires_in_days?: number;
            key_type?: components["schemas"]["KeyType"];
            /** @description Default: every scope the role allows but api_keys:write */
            scopes?: components["schemas"]["Scope"][];
            user_code: string;
            workspace_id: string;
        };
        DeviceCode: {
            /** @description Only for the device: send it to `POST /api/v1/device/token` to poll */
            device_code: string;
            /** @description Seconds the codes work (600) */
            expires_in: number;
            /** @description Seconds to wait between polls (5) */
            interval: number;
            /** @example BCDF-GHJK */
            user_code: string;
            /** @example http://127.0.0.1:8000/device */
            verification_uri: string;
            /** @example http://127.0.0.1:8000/device?code=BCDF-GHJK */
            verification_uri_complete: string;
        };
        /** @description What the device says about itself, shown to the member who approves it (as unverified). */
        DeviceCodeRequest: {
            client_name?: string;
            client_version?: string;
            host_name?: string;
            os?: string;
        };
        DeviceDenied: {
            /** @enum {boolean} */
            denied: true;
        };
        DeviceDeny: {
            user_code: string;
        };
        DeviceRequest: {
            /** @description As the device reported it */
            client_name: string | null;
            /** @description As the device reported it */
            client_version: string | null;
            default_expires_in_days: number;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            /** @description As the device reported it */
            host_name: string | null;
            /** @description The address the server saw the request come from */
            ip_address: string | null;
            /** @description The name the key will have */
            key_name: string;
            max_expires_in_days: number;
            /** @description As the device reported it */
            os: string | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            requested_at: string;
            /** @description The request’s User-Agent */
            user_agent: string | null;
            user_code: string;
            workspaces: {
                default_scopes: components["schemas"]["Scope"][];
                grantable_scopes: components["schemas"]["Scope"][];
                id: string;
                name: string;
                role: components["schemas"]["Role"];
            }[];
        };
        DeviceToken: components["schemas"]["ApiKeyCreated"] & {
            workspace_name: string;
        };
        DeviceTokenRequest: {
            /** @description Accepted and ignored */
            client_id?: string;
            device_code: string;
            /** @enum {string} */
            grant_type?: "urn:ietf:params:oauth:grant-type:device_code";
        };
        /**
         * @description Test keys see only test objects, live keys only live ones
         * @enum {string}
         */
        Environment: "live" | "test";
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
        GithubSecretScanningMatch: {
            source?: string;
            token: string;
            type: string;
            url?: string;
        };
        GithubSecretScanningReport: components["schemas"]["GithubSecretScanningMatch"][];
        GithubSecretScanningResponse: {
            /** @enum {string} */
            label: "true_positive" | "false_positive";
            token_raw: string;
            token_type: string;
        }[];
        Invitation: {
            email: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            invited_by_email: string | null;
            role: components["schemas"]["Role"];
            workspace_name: string;
        };
        InvitationAccept: {
            password: string;
            token: string;
        };
        InvitationAcceptSignedIn: {
            token: string;
        };
        InvitationCancelled: {
            /** @enum {boolean} */
            cancelled: true;
        };
        /** @enum {string} */
        KeyType: "live" | "test";
        Member: {
            email: string;
            /**
             * Format: date-time
             * @description When the invitation link stops working (an admin may issue a new one)
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string | null;
            /** @description The user id of a member; the invitation id of an invitation */
            id: string;
            /**
             * Format: date-time
             * @description When the current invitation link was made
             * @example 2026-11-26T12:00:00.000Z
             */
            invited_at: string | null;
            /** @description The user id of the admin who invited */
            invited_by: string | null;
            invited_by_email: string | null;
            /**
             * Format: date-time
             * @description When they joined; null while invited
             * @example 2026-11-26T12:00:00.000Z
             */
            joined_at: string | null;
            /** @description The workspace’s only admin: they cannot be removed or demoted */
            last_admin: boolean;
            role: components["schemas"]["Role"];
            /**
             * @description `active` for members, `invited` for invitations not yet accepted
             * @enum {string}
             */
            status: "active" | "invited";
            /** @description Null while the invitation has not been accepted */
            user_id: string | null;
        };
        MemberAdd: {
            email: string;
            role: components["schemas"]["Role"];
        };
        MemberAdded: {
            /** @description A one-time link (7 days) to join this workspace, for the admin to hand over. Shown only in this response. */
            invite_url: string;
            member: components["schemas"]["Member"];
        };
        MemberRemoved: {
            /** @description Their keys left working */
            kept_keys: components["schemas"]["ApiKey"][];
            member: components["schemas"]["Member"];
            /** @description Their keys this removal revoked */
            revoked_keys: components["schemas"]["ApiKey"][];
        };
        MemberUpdate: {
            role: components["schemas"]["Role"];
        };
        Meta: {
            /** @example 3f1e… */
            request_id: string;
            /** Format: date-time */
            timestamp: string;
        };
        /** @description Where the node sits on the canvas */
        NodePosition: {
            x: number;
            y: number;
        } & {
            [key: string]: unknown;
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
        PasswordLink: {
            email: string;
        };
        PasswordSet: {
            password: string;
            token: string;
        };
        /** @enum {string} */
        Role: "admin" | "editor" | "viewer";
        /** @description Runs per status: all 0, this server runs none */
        RunStatusCounts: {
            cancelled: number;
            completed: number;
            failed: number;
            paused: number;
            pending: number;
            running: number;
        };
        /**
         * @description A scope name (`resource:action`): a built-in one or one the operator declared
         * @example workflows:read
         */
        Scope: string;
        ScopeInfo: {
            /** @description true for this server's own scopes; false for the operator's (`ONEPIN_SCOPES_FILE`), which protect nothing here: they are for the operator's services, through the verify API */
            built_in: boolean;
            description: string;
            /** @example billing:read */
            name: string;
            /** @description The workspace roles whose sessions hold it (admin holds every scope) */
            roles: components["schemas"]["Role"][];
        };
        ServiceToken: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            /** @description The user who made it; null when made by `onepin-server admin` */
            created_by: string | null;
            /** @example svc_0b8f4c1e-3f7a-4d1c-9a52-6c1f0e2d7b3a */
            id: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            last_used_at: string | null;
            name: string;
            /**
             * @description The prefix and last four characters: the only part ever shown again
             * @example op_svc_…AbCd
             */
            preview: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            revoked_at: string | null;
            /** @enum {string} */
            status: "active" | "revoked";
        };
        ServiceTokenCreate: {
            /**
             * @description What the token is for (the service that will call the verify API)
             * @example billing-api
             */
            name: string;
        };
        ServiceTokenWithToken: components["schemas"]["ServiceToken"] & {
            /**
             * @description The token (`op_svc_…`), returned only this once: store it in the secrets of the service that calls the verify API.
             * @example op_svc_…
             */
            token: string;
        };
        Session: {
            /** @description Send as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE of this session */
            csrf_token: string;
            /**
             * Format: date-time
             * @description The absolute end of the session
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            /** @description Whether the person manages the instance's service tokens (the setup user, and users made with `admin create-user --instance-admin`) */
            instance_admin: boolean;
            /** @description What the role allows in `workspace` */
            scopes: components["schemas"]["Scope"][];
            user: {
                email: string;
                id: string;
            };
            workspace: components["schemas"]["SessionWorkspace"];
            /** @description Every workspace of the user */
            workspaces: components["schemas"]["SessionWorkspace"][];
        };
        /** @description The workspace this request acted in (X-Workspace-Id, else the first) */
        SessionWorkspace: {
            id: string;
            name: string;
            role: components["schemas"]["Role"];
            slug: string;
        };
        Setup: {
            email: string;
            password: string;
            token: string;
            workspace_name: string;
        };
        SetupCheck: {
            /**
             * @description `no_user`: open the setup link the server printed; `no_password`: users exist but none can sign in yet (open the link `admin create-user` printed, or run `admin reset-password`); `complete`: sign in
             * @enum {string}
             */
            stage: "no_user" | "no_password" | "complete";
            /** @description Whether the link can still create the first admin */
            usable: boolean;
        };
        SignedOut: {
            /** @enum {boolean} */
            signed_out: true;
        };
        SignIn: {
            email: string;
            password: string;
        };
        Template: {
            category: components["schemas"]["TemplateCategory"];
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            /** @description The author; null for starter templates */
            created_by: string | null;
            definition: components["schemas"]["WorkflowDefinition"];
            description: string;
            /**
             * @description 8 base62 characters, case-sensitive
             * @example 2LKJN2QD
             */
            id: string;
            /** @description Always false: favourites are not provided by this server */
            is_favorite: boolean;
            is_public: boolean;
            /** @description Ships with the server; read-only */
            is_starter: boolean;
            name: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            /** @description How often the caller's workspace (its live or test data set) cloned it */
            uses_count: number;
        };
        /** @enum {string} */
        TemplateCategory: "media" | "creative" | "business" | "education" | "wellness";
        Upload: {
            category: components["schemas"]["UploadCategory"];
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            confirmed_at: string | null;
            content_type: string;
            /** @description Set when confirmed */
            context_id: string | null;
            /** @enum {string|null} */
            context_type: "workflow" | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            created_by: string | null;
            /** @description Always null: this server offers no download of upload bytes */
            download_url: string | null;
            environment: components["schemas"]["Environment"];
            filename: string;
            /** @description The extension, lower-case (e.g. `srt`) */
            format: string;
            /** Format: uuid */
            id: string;
            /** @description Hex SHA-256 of the bytes received */
            sha256: string | null;
            /** @description The declared size, then the size received; null while pending without one */
            size_bytes: number | null;
            /**
             * @description `pending` until the bytes arrive at `upload_url`, then `uploaded`
             * @enum {string}
             */
            status: "pending" | "uploaded";
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            uploaded_at: string | null;
            /** @description Who created it: the key's creator, or the workspace's owner for admin keys */
            user_id: string;
            workspace_id: string;
        };
        /**
         * @description `script`: txt, srt, csv, json, xliff, docx; `dictionary`: mp3, wav, m4a, ogg, webm
         * @enum {string}
         */
        UploadCategory: "script" | "dictionary";
        UploadConfirm: {
            context_id: string;
            /**
             * @description The public API's contexts; only `workflow` exists here (others: 404)
             * @enum {string}
             */
            context_type: "workflow" | "playground" | "assistant_session";
        };
        UploadCreate: {
            category: components["schemas"]["UploadCategory"];
            /**
             * @description Default: from the extension
             * @example application/x-subrip
             */
            content_type?: string;
            /**
             * @description Shown as is, never used as a path; its extension must fit the category
             * @example episode-12.srt
             */
            filename: string;
            /** @description Exactly the bytes you will send; at most the server's limit. Left out: any size from 1 byte up to the limit. */
            size_bytes?: number;
        };
        UploadCreated: {
            /**
             * Format: date-time
             * @description When `upload_url` stops working (15 minutes)
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            upload: components["schemas"]["Upload"];
            /**
             * Format: uri
             * @description PUT the bytes here (no API key: the URL is signed). Good for one upload, until `expires_at`.
             */
            upload_url: string;
        };
        /** @description Null when `INVALID`. */
        VerifiedKey: {
            /** Format: date-time */
            expires_at: string | null;
            id: string;
            key_type: components["schemas"]["KeyType"];
            name: string;
            scopes: string[];
            workspace_id: string;
            workspace_name: string;
        } | null;
        VerifyBatchRequest: {
            keys: components["schemas"]["VerifyRequest"][];
        };
        VerifyBatchResult: {
            results: components["schemas"]["VerifyResult"][];
        };
        /** @enum {string} */
        VerifyCode: "VALID" | "INVALID" | "INSUFFICIENT_SCOPE" | "WORKSPACE_MISMATCH" | "RATE_LIMITED";
        /** @description Null when `INVALID`. */
        VerifyRateLimit: {
            limit: number;
            remaining: number;
            /** @description When the window ends, epoch seconds. */
            reset: number;
        } | null;
        VerifyRequest: {
            /** @description The API key to check, as the caller presented it. */
            key: string;
            /** @description Scopes the key must all hold; plain strings. */
            scopes?: string[];
            /** @description The workspace the key must belong to (the request's X-Workspace-Id). */
            workspace_id?: string;
        };
        VerifyResult: {
            code: components["schemas"]["VerifyCode"];
            key: components["schemas"]["VerifiedKey"];
            missing_scopes: string[];
            rate_limit: components["schemas"]["VerifyRateLimit"];
            /** @description True only for `VALID`. */
            valid: boolean;
        };
        VerifyUsageReport: {
            usage: {
                count: number;
                key_id: string;
            }[];
        };
        VerifyUsageResult: {
            results: {
                key_id: string;
                rate_limit: components["schemas"]["VerifyRateLimit"];
                /** @description False for a key no longer usable. */
                valid: boolean;
            }[];
        };
        Webhook: {
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            created_by: string | null;
            description: string | null;
            environment: components["schemas"]["KeyType"] & unknown;
            events: components["schemas"]["WebhookEventType"][];
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Until then the previous secret signs too (after a rotation with a grace period)
             * @example 2026-11-26T12:00:00.000Z
             */
            previous_secret_expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            url: string;
            workspace_id: string;
        };
        WebhookCreate: {
            active?: boolean;
            description?: string | null;
            environment?: components["schemas"]["KeyType"] & unknown;
            events: components["schemas"]["WebhookEventType"][];
            /**
             * Format: uri
             * @example https://example.com/onepin/events
             */
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            delivered_at: string | null;
            /** @description Also the `webhook-id` header of every attempt */
            event_id: string;
            event_type: string;
            id: string;
            last_error: string | null;
            last_status_code: number | null;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            next_attempt_at: string | null;
            status: components["schemas"]["WebhookDeliveryStatus"];
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            webhook_id: string;
        };
        WebhookDeliveryAttempt: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            attempted_at: string;
            duration_ms: number;
            error: string | null;
            id: string;
            response_excerpt: string | null;
            status_code: number | null;
            /** @enum {string} */
            trigger: "automatic" | "manual";
        };
        WebhookDeliveryDetail: components["schemas"]["WebhookDelivery"] & {
            attempts_log: components["schemas"]["WebhookDeliveryAttempt"][];
            /** @description The body sent */
            payload: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        WebhookDeliveryStatus: "pending" | "succeeded" | "failed";
        /** @enum {string} */
        WebhookEventType: "*" | "api_key.created" | "api_key.updated" | "api_key.rotated" | "api_key.revoked" | "api_key.expired" | "api_key.leaked" | "api_key.rate_limited" | "member.added" | "member.removed" | "member.role_changed";
        WebhookSecretRotate: {
            grace_period_seconds?: number;
        };
        WebhookUpdate: {
            active?: boolean;
            description?: string | null;
            events?: components["schemas"]["WebhookEventType"][];
            /**
             * Format: uri
             * @example https://example.com/onepin/events
             */
            url?: string;
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /** @description The signing secret (`whsec_…`, Standard Webhooks). Returned only this once: store it now. */
            secret: string;
        };
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
            /** @description The person: a session's, a key's creator, or the workspace's owner for keys made by `onepin-server admin create-key` */
            user_id: string;
            workspace_id: string;
            workspace_name: string;
        };
        Workflow: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            /** @description The user behind the key or session (null for admin keys) */
            created_by: string | null;
            definition: components["schemas"]["WorkflowDefinition"];
            description: string | null;
            environment: components["schemas"]["Environment"];
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Always null (no runs)
             * @example 2026-11-26T12:00:00.000Z
             */
            last_run_at: string | null;
            /** @description Always null (no runs) */
            last_run_status: string | null;
            name: string;
            run_status_counts: components["schemas"]["RunStatusCounts"];
            /** @description Always 0: this server runs no workflows */
            runs_count: number;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
            /** @description The user who created it: the key's creator, or the workspace's owner for keys made by `onepin-server admin create-key` */
            user_id: string;
            workspace_id: string;
        };
        WorkflowCopy: {
            /** @description Default: the original name + " (Copy)", or " (Copy 2)", " (Copy 3)"… when taken */
            name?: string;
        };
        WorkflowCreate: {
            definition?: components["schemas"]["WorkflowDefinitionInput"];
            description?: string | null;
            /** @description Unique among the workspace’s workflows (case-sensitive) */
            name: string;
        };
        /** @description The public OnePin graph: nodes with a `position`, edges `{id, source, sourcePort, target, targetPort}`; other fields (e.g. `execution`) kept as sent. */
        WorkflowDefinition: {
            /** @description How to run the graph; kept as sent */
            execution?: {
                params?: {
                    [key: string]: unknown;
                } | null;
                steps?: string[] | null;
            } & {
                [key: string]: unknown;
            };
            graph: {
                edges: components["schemas"]["WorkflowEdge"][];
                nodes: components["schemas"]["WorkflowNode"][];
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Default: an empty graph
         * @example {
         *       "graph": {
         *         "nodes": [
         *           {
         *             "id": "script",
         *             "type": "source_script",
         *             "position": {
         *               "x": 0,
         *               "y": 0
         *             }
         *           },
         *           {
         *             "id": "voice",
         *             "type": "operator_generator",
         *             "position": {
         *               "x": 240,
         *               "y": 0
         *             }
         *           },
         *           {
         *             "id": "preview",
         *             "type": "sink_preview",
         *             "position": {
         *               "x": 480,
         *               "y": 0
         *             }
         *           }
         *         ],
         *         "edges": [
         *           {
         *             "id": "e1",
         *             "source": "script",
         *             "sourcePort": "out",
         *             "target": "voice",
         *             "targetPort": "in"
         *           },
         *           {
         *             "id": "e2",
         *             "source": "voice",
         *             "sourcePort": "out",
         *             "target": "preview",
         *             "targetPort": "in"
         *           }
         *         ]
         *       }
         *     }
         */
        WorkflowDefinitionInput: {
            /** @description How to run the graph; kept as sent */
            execution?: ({
                params?: {
                    [key: string]: unknown;
                } | null;
                steps?: string[] | null;
            } & {
                [key: string]: unknown;
            }) | null;
            graph?: ({
                edges?: components["schemas"]["WorkflowEdgeInput"][] | null;
                nodes?: ({
                    config?: {
                        [key: string]: unknown;
                    } | null;
                    config_version?: number | null;
                    /**
                     * @description Unique within the graph
                     * @example translate_es
                     */
                    id: string;
                    name?: string | null;
                    position?: components["schemas"]["NodePosition"];
                    /** @example operator_translator */
                    type: string;
                } & {
                    [key: string]: unknown;
                })[] | null;
            } & {
                [key: string]: unknown;
            }) | null;
        } & {
            [key: string]: unknown;
        };
        WorkflowEdge: {
            /** @description Unique within the graph */
            id: string;
            /** @description The id of the node the edge leaves */
            source: string;
            /**
             * @description The source's output port
             * @example out
             */
            sourcePort: string;
            /** @description The id of the node the edge enters */
            target: string;
            /**
             * @description The target's input port
             * @example in
             */
            targetPort: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Either the official `{id, source, sourcePort, target, targetPort}` or the older `{from, to, port?}` (stored as `{id: "edge-N", source, sourcePort: port ?? "out", target, targetPort: "in"}`). */
        WorkflowEdgeInput: {
            /** @description Older form: the source node */
            from?: string;
            id?: string;
            /** @description Older form: the source's output port */
            port?: string;
            source?: string;
            sourcePort?: string;
            target?: string;
            targetPort?: string;
            /** @description Older form: the target node */
            to?: string;
        } & {
            [key: string]: unknown;
        };
        WorkflowNameAvailability: {
            available: boolean;
            /** @description The name as checked (trimmed) */
            name: string;
        };
        /** @description A step of the graph; other fields are kept as sent */
        WorkflowNode: {
            config?: {
                [key: string]: unknown;
            } | null;
            config_version?: number | null;
            /**
             * @description Unique within the graph
             * @example translate_es
             */
            id: string;
            name?: string | null;
            position: components["schemas"]["NodePosition"];
            /** @example operator_translator */
            type: string;
        } & {
            [key: string]: unknown;
        };
        WorkflowReplace: {
            definition: components["schemas"]["WorkflowDefinitionInput"] & unknown;
            /** @description Left out: none */
            description?: string | null;
            /** @description Unique among the workspace’s workflows (case-sensitive) */
            name: string;
        };
        WorkflowUpdate: {
            definition?: components["schemas"]["WorkflowDefinitionInput"] & unknown;
            description?: string | null;
            /** @description Unique among the workspace’s workflows (case-sensitive) */
            name?: string;
        };
        Workspace: {
            /** @description Palette index (0–6); always 0 here */
            color_idx: number;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            /** @description The owner: the person who created it */
            created_by: string;
            id: string;
            name: string;
            /** @description Voice routing option of the public API; false, no routing here */
            routing_llm_fit: boolean;
            /** @description Voice routing balance of the public API; 0.5 (balanced), no routing here */
            routing_price_sensitivity: number;
            slug: string;
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            updated_at: string;
        };
        WorkspaceInvite: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            email: string;
            /**
             * Format: date-time
             * @description When `invite_url` stops working
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            /** @description The invitation's id */
            id: string;
            /** @description The one-time link (7 days) to join, for the admin to hand over; shown only in this response */
            invite_url: string;
            invited_by: string | null;
            role: components["schemas"]["Role"];
            /**
             * @description Always `pending`: a person joins only by accepting with `invite_url` (a new person creates their account; an existing one accepts signed in)
             * @enum {string}
             */
            status: "pending";
        };
        WorkspaceMember: {
            /**
             * Format: date-time
             * @description When they joined the workspace, or when the invitation was made
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            email: string;
            first_name: null;
            /** @description A member's user id (pass it as `member_id`); an invitation's id while invited */
            id: string;
            image_url: null;
            last_active_at: null;
            last_name: null;
            role: components["schemas"]["Role"];
            /**
             * @description `invited` until the person accepts their invitation
             * @enum {string}
             */
            status: "active" | "invited";
            /** @description Null while the invitation has not been accepted */
            user_id: string | null;
        };
        WorkspacePendingInvite: {
            /**
             * Format: date-time
             * @example 2026-11-26T12:00:00.000Z
             */
            created_at: string;
            email: string;
            /**
             * Format: date-time
             * @description When `invite_url` stops working
             * @example 2026-11-26T12:00:00.000Z
             */
            expires_at: string;
            /** @description The invitation's id */
            id: string;
            invited_by: string | null;
            role: components["schemas"]["Role"];
            /**
             * @description Always `pending`: a person joins only by accepting with `invite_url` (a new person creates their account; an existing one accepts signed in)
             * @enum {string}
             */
            status: "pending";
        };
        WorkspaceRevokedInvite: components["schemas"]["WorkspacePendingInvite"] & {
            /**
             * @description Always `revoked`
             * @enum {string}
             */
            status?: "revoked";
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
