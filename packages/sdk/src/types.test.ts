import { generateApiKey } from '@onepin/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ActivityEvent,
  APIError,
  type ApiKey,
  type ApiKeyCreated,
  type ApiKeyRotation,
  type CursorPage,
  type CursorPagination,
  type Deleted,
  type KeyType,
  NotFoundError,
  type OffsetPage,
  type OffsetPagination,
  OnePinClient,
  type Page,
  type PagePromise,
  PermissionDeniedError,
  RateLimitError,
  type Scope,
  type Template,
  type TemplateCategory,
  type Upload,
  type Whoami,
  type Workflow,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowListParams,
  type WorkflowNode,
  type Workspace,
} from './index.js';

// Type-level tests: these run as ordinary tests and, more to the point, fail `npm run
// typecheck` when the public types drift.

// Never sends a request: the methods are only looked at, not called.
const client = new OnePinClient({ token: generateApiKey('live'), fetch: () => Promise.reject() });

describe('public types', () => {
  it('accepts process.env for the token and the base URL', () => {
    expectTypeOf(OnePinClient).toBeConstructibleWith({ token: process.env.ONEPIN_API_KEY });
    expectTypeOf(OnePinClient).toBeConstructibleWith({
      token: 'op_live_…',
      baseUrl: process.env.ONEPIN_BASE_URL,
      workspaceId: undefined,
      timeoutMs: 5000,
      maxRetries: 0,
      fetch: (request: Request) => fetch(request),
    });
  });

  it('types every resource method end to end', () => {
    expectTypeOf(client.auth.whoami).returns.resolves.toEqualTypeOf<Whoami>();
    expectTypeOf(client.workspace.retrieve).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.apiKeys.retrieve).returns.resolves.toEqualTypeOf<ApiKey>();
    expectTypeOf(client.apiKeys.rotate).returns.resolves.toEqualTypeOf<ApiKeyRotation>();
    expectTypeOf(client.apiKeys.revoke).returns.resolves.toEqualTypeOf<ApiKey>();
    expectTypeOf(client.workflows.retrieve).returns.resolves.toEqualTypeOf<Workflow>();
    expectTypeOf(client.workflows.delete).returns.resolves.toEqualTypeOf<Deleted>();
    expectTypeOf(client.workflows.duplicate).returns.resolves.toEqualTypeOf<Workflow>();
    expectTypeOf(client.templates.retrieve).returns.resolves.toEqualTypeOf<Template>();
    expectTypeOf(client.templates.clone).returns.resolves.toEqualTypeOf<Workflow>();
    expectTypeOf(client.uploads.create).returns.resolves.toEqualTypeOf<Upload>();
    expectTypeOf(client.uploads.confirm).returns.resolves.toEqualTypeOf<Upload>();
    expectTypeOf(client.uploads.delete).returns.resolves.toEqualTypeOf<Deleted>();
    expectTypeOf(client.workflows.uploads).returns.resolves.toEqualTypeOf<OffsetPage<Upload>>();
  });

  it('types the resources as the server describes them', () => {
    expectTypeOf<Deleted>().toEqualTypeOf<{ id: string; deleted: true }>();
    expectTypeOf<Upload['status']>().toEqualTypeOf<'pending' | 'uploaded'>();
    expectTypeOf<Workflow['environment']>().toEqualTypeOf<KeyType>();
    expectTypeOf<WorkflowNode['type']>().toEqualTypeOf<string>();
    expectTypeOf<WorkflowDefinition['graph']['edges']>().toEqualTypeOf<WorkflowEdge[]>();
    type SortField = 'name' | 'updated_at' | 'created_at' | 'runs_count';
    expectTypeOf<WorkflowListParams['sort']>().toEqualTypeOf<SortField | SortField[] | undefined>();
    expectTypeOf<Template['category']>().toEqualTypeOf<TemplateCategory>();
    // A category from user input (a plain string) can be passed through; the server checks it.
    expectTypeOf(client.templates.list).toBeCallableWith({ category: 'media' as string });
    expectTypeOf(client.templates.list).toBeCallableWith({ category: ['media', 'business'] });
    expectTypeOf(client.workflows.duplicate).toBeCallableWith('id');
    expectTypeOf(client.workflows.duplicate).toBeCallableWith('id', { name: 'Copy' });
  });

  it('apiKeys.create returns the plaintext, and only create and rotate do', () => {
    expectTypeOf(client.apiKeys.create).returns.resolves.toEqualTypeOf<ApiKeyCreated>();
    expectTypeOf<ApiKeyCreated['api_key']>().toEqualTypeOf<string>();
    expectTypeOf<ApiKeyRotation['new_key']['api_key']>().toEqualTypeOf<string>();
    expectTypeOf<ApiKey>().not.toHaveProperty('api_key');
    expectTypeOf<ApiKeyRotation['old_key']>().not.toHaveProperty('api_key');
  });

  it('knows the scopes and key types', () => {
    // A string: the operator may declare scopes of their own (`client.scopes.list()`).
    expectTypeOf<Scope>().toEqualTypeOf<string>();
    expectTypeOf<ApiKey['key_type']>().toEqualTypeOf<KeyType>();
    expectTypeOf<KeyType>().toEqualTypeOf<'live' | 'test'>();
    expectTypeOf(client.apiKeys.create).parameter(0).toHaveProperty('scopes');
    expectTypeOf<Parameters<typeof client.apiKeys.update>[1]['expires_at']>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it('list methods return page promises whose items are typed', () => {
    const list = client.workflows.list;
    expectTypeOf(list).returns.toEqualTypeOf<PagePromise<Workflow, OffsetPagination>>();
    expectTypeOf(list).returns.resolves.toEqualTypeOf<OffsetPage<Workflow>>();
    expectTypeOf(list).returns.toMatchTypeOf<AsyncIterable<Workflow>>();
    expectTypeOf<OffsetPage<Workflow>['data']>().toEqualTypeOf<Workflow[]>();
    expectTypeOf<OffsetPage<Workflow>['pagination']['total']>().toEqualTypeOf<number>();
    expectTypeOf(client.activity.list).returns.resolves.toEqualTypeOf<CursorPage<ActivityEvent>>();
    expectTypeOf<CursorPage<ActivityEvent>['pagination']>().toEqualTypeOf<CursorPagination>();
    expectTypeOf<Page<ApiKey, OffsetPagination>['getNextPage']>().returns.resolves.toEqualTypeOf<
      OffsetPage<ApiKey>
    >();
  });

  it('narrows errors by instanceof', () => {
    const narrow = (error: unknown) => {
      if (error instanceof PermissionDeniedError) {
        expectTypeOf(error.status).toEqualTypeOf<403>();
        expectTypeOf(error.code).toBeString();
        expectTypeOf(error.requestId).toEqualTypeOf<string | null>();
      }
      if (error instanceof RateLimitError) {
        expectTypeOf(error.retryAfter).toEqualTypeOf<number | null>();
      }
      if (error instanceof NotFoundError) expectTypeOf(error).toMatchTypeOf<APIError>();
      if (error instanceof APIError) {
        expectTypeOf(error.details).toEqualTypeOf<readonly { field: string; message: string }[]>();
        expectTypeOf(error.headers).toEqualTypeOf<Headers>();
      }
    };
    narrow(undefined);
  });
});
