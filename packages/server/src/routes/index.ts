import { registerListActivity, registerUsageActivity } from './activity/list.js';
import { registerCreateApiKey } from './api-keys/create.js';
import { registerGetApiKey } from './api-keys/get.js';
import { registerListApiKeys } from './api-keys/list.js';
import { registerRevokeApiKey } from './api-keys/revoke.js';
import { registerRotateApiKey } from './api-keys/rotate.js';
import { registerUpdateApiKey } from './api-keys/update.js';
import { registerRevokeOwnKey } from './auth/revoke-own-key.js';
import { registerWhoami } from './auth/whoami.js';
import { registerDeviceApprove } from './device/approve.js';
import { registerDeviceCode } from './device/code.js';
import { registerDeviceDeny } from './device/deny.js';
import { registerDeviceRequest } from './device/request.js';
import { registerDeviceToken } from './device/token.js';
import { registerInvitationAccept } from './invitations/accept.js';
import { registerInvitationAcceptSignedIn } from './invitations/accept-signed-in.js';
import { registerInvitationCheck } from './invitations/check.js';
import { registerCredentialsRevoke } from './leak-reports/credentials-revoke.js';
import { registerGithubSecretScanning } from './leak-reports/github.js';
import { registerAddMember } from './members/add.js';
import { registerCancelInvitation } from './members/cancel-invitation.js';
import { registerListMemberKeys } from './members/keys.js';
import { registerListMembers } from './members/list.js';
import { registerRemoveMember } from './members/remove.js';
import { registerUpdateMember } from './members/update.js';
import { registerNotProvided } from './not-provided.js';
import { registerPasswordLinkCheck } from './password-link/check.js';
import { registerPasswordLinkSet } from './password-link/set.js';
import type { RouteRegistrar } from './route-definition.js';
import { registerCurrentSession } from './session/current.js';
import { registerSignIn } from './session/sign-in.js';
import { registerSignOut } from './session/sign-out.js';
import { registerSetupCheck } from './setup/check.js';
import { registerSetupComplete } from './setup/complete.js';
import { registerCloneTemplate } from './templates/clone.js';
import { registerGetTemplate } from './templates/get.js';
import { registerListTemplates } from './templates/list.js';
import { registerConfirmUpload } from './uploads/confirm.js';
import { registerCreateUpload } from './uploads/create.js';
import { registerDeleteUpload } from './uploads/delete.js';
import { registerUploadTransfer } from './uploads/transfer.js';
import { registerVerifyKeysBatch } from './verify/batch.js';
import { registerVerifyEvents } from './verify/events.js';
import { registerVerifyUsage } from './verify/usage.js';
import { registerVerifyKey } from './verify/verify.js';
import { registerCreateWebhook } from './webhooks/create.js';
import { registerDeleteWebhook } from './webhooks/delete.js';
import { registerListWebhookDeliveries } from './webhooks/deliveries.js';
import { registerGetWebhookDelivery } from './webhooks/delivery.js';
import { registerGetWebhook } from './webhooks/get.js';
import { registerListWebhooks } from './webhooks/list.js';
import { registerRedeliverWebhook } from './webhooks/redeliver.js';
import { registerRotateWebhookSecret } from './webhooks/rotate-secret.js';
import { registerUpdateWebhook } from './webhooks/update.js';
import { registerCreateWorkflow } from './workflows/create.js';
import { registerDeleteWorkflow } from './workflows/delete.js';
import { registerDuplicateWorkflow } from './workflows/duplicate.js';
import { registerGetWorkflow } from './workflows/get.js';
import { registerListWorkflows } from './workflows/list.js';
import { registerWorkflowNameAvailability } from './workflows/name-availability.js';
import { registerReplaceWorkflow } from './workflows/replace.js';
import { registerUpdateWorkflow } from './workflows/update.js';
import { registerListWorkflowUploads } from './workflows/uploads.js';
import { registerCreateWorkspaceInvite } from './workspace-members/invite.js';
import { registerListWorkspaceMembers } from './workspace-members/list.js';
import { registerRemoveWorkspaceMember } from './workspace-members/remove.js';
import { registerUpdateWorkspaceMember } from './workspace-members/update.js';
import { registerCurrentWorkspace } from './workspaces/current.js';
import { registerGetWorkspace } from './workspaces/get.js';
import { registerListWorkspaces } from './workspaces/list.js';

/**
 * Every API route; each declares its own rules (`route-definition.ts`). Each `/api/v1` one
 * that needs a credential is covered by the auth contract suite; the upload transfer
 * (`PUT /uploads/{id}`) sits outside `/api/v1`, authenticated by its URL's signature.
 * Order matters where a literal path shares a pattern with a parameter (`/workspaces/current`
 * before `/workspaces/{workspace_id}`, `/workflows/name-availability` before `/workflows/{id}`,
 * the not-provided operations first).
 */
export const API_ROUTES: readonly RouteRegistrar[] = [
  registerNotProvided,
  registerWhoami,
  registerListApiKeys,
  registerCreateApiKey,
  registerGetApiKey,
  registerUpdateApiKey,
  registerRevokeApiKey,
  registerRotateApiKey,
  registerCurrentWorkspace,
  registerListWorkspaces,
  registerGetWorkspace,
  registerListActivity,
  registerUsageActivity,
  registerListWorkflows,
  registerCreateWorkflow,
  registerWorkflowNameAvailability,
  registerGetWorkflow,
  registerReplaceWorkflow,
  registerUpdateWorkflow,
  registerDeleteWorkflow,
  registerDuplicateWorkflow,
  registerListWorkflowUploads,
  registerListTemplates,
  registerGetTemplate,
  registerCloneTemplate,
  registerCreateUpload,
  registerConfirmUpload,
  registerDeleteUpload,
  registerUploadTransfer,
  registerSignIn,
  registerCurrentSession,
  registerSignOut,
  registerSetupCheck,
  registerSetupComplete,
  registerInvitationCheck,
  registerInvitationAccept,
  registerInvitationAcceptSignedIn,
  registerPasswordLinkCheck,
  registerPasswordLinkSet,
  registerListMembers,
  registerAddMember,
  registerUpdateMember,
  registerRemoveMember,
  registerListMemberKeys,
  registerCancelInvitation,
  registerListWorkspaceMembers,
  registerCreateWorkspaceInvite,
  registerUpdateWorkspaceMember,
  registerRemoveWorkspaceMember,
  registerDeviceCode,
  registerDeviceToken,
  registerDeviceRequest,
  registerDeviceApprove,
  registerDeviceDeny,
  registerRevokeOwnKey,
  registerListWebhooks,
  registerCreateWebhook,
  registerGetWebhook,
  registerUpdateWebhook,
  registerDeleteWebhook,
  registerRotateWebhookSecret,
  registerListWebhookDeliveries,
  registerGetWebhookDelivery,
  registerRedeliverWebhook,
  registerGithubSecretScanning,
  registerCredentialsRevoke,
  registerVerifyKey,
  registerVerifyKeysBatch,
  registerVerifyUsage,
  registerVerifyEvents,
];
