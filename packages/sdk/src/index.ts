export {
  WEBHOOK_EVENT_CATALOGUE,
  WEBHOOK_EVENT_TYPES,
} from '@onepin/core';
export { type ClientOptions, OnePinClient } from './client.js';
export {
  type DeviceCode,
  type DeviceDetails,
  DeviceLogin,
  type DeviceLoginOptions,
  type DevicePollEvent,
  type DeviceToken,
} from './device-login.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type APIErrorCode,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  CredentialsError,
  type CredentialsErrorCode,
  type ErrorDetail,
  InternalServerError,
  NotFoundError,
  OnePinConfigurationError,
  OnePinError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
export type { Fetch, RequestOptions } from './internal/transport.js';
export {
  type CursorPage,
  type CursorPagination,
  type OffsetPage,
  type OffsetPagination,
  Page,
  PagePromise,
  type Pagination,
} from './pagination.js';
export type { Activity, ActivityEvent, ActivityListParams } from './resources/activity.js';
export type {
  ApiKey,
  ApiKeyCreated,
  ApiKeyCreateParams,
  ApiKeyLeak,
  ApiKeyListParams,
  ApiKeyRotateParams,
  ApiKeyRotation,
  ApiKeys,
  ApiKeyUpdateParams,
  KeyType,
  Scope,
} from './resources/api-keys.js';
export type { Auth, Whoami } from './resources/auth.js';
export type { Keys, VerifyCode, VerifyParams, VerifyResult } from './resources/keys.js';
export type { ScopeInfo, Scopes } from './resources/scopes.js';
export type {
  Template,
  TemplateCategory,
  TemplateCloneParams,
  TemplateListParams,
  Templates,
} from './resources/templates.js';
export type {
  ProgressListener,
  Upload,
  UploadCategory,
  UploadConfirmParams,
  UploadCreateParams,
  UploadSource,
  Uploads,
} from './resources/uploads.js';
export type {
  Webhook,
  WebhookCreateParams,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryListParams,
  WebhookEventType,
  WebhookListParams,
  WebhookRotateSecretParams,
  Webhooks,
  WebhookUpdateParams,
  WebhookWithSecret,
} from './resources/webhooks.js';
export type {
  Deleted,
  Workflow,
  WorkflowCreateParams,
  WorkflowDefinition,
  WorkflowDefinitionInput,
  WorkflowDuplicateParams,
  WorkflowEdge,
  WorkflowListParams,
  WorkflowNode,
  WorkflowReplaceParams,
  Workflows,
  WorkflowUpdateParams,
  WorkflowUploadsParams,
} from './resources/workflows.js';
export type { CurrentWorkspace, Workspace } from './resources/workspace.js';
export {
  type CredentialsRevokeReceipt,
  type RevokeCredentialsOptions,
  revokeCredentials,
} from './revoke-credentials.js';
