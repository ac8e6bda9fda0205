import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { CreateUploadBody, toUploadOut, UploadCreatedOut } from '../../schemas/upload.js';
import { createUpload } from '../../services/uploads.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('uploads:write', {
  method: 'post',
  path: '/api/v1/uploads',
  tags: ['Uploads'],
  summary: 'Start an upload',
  description:
    'Returns the pending upload and a signed `upload_url`: PUT exactly `size_bytes` bytes there within 15 minutes (no API key), then confirm the upload.',
  request: { body: jsonBody(CreateUploadBody) },
  responses: {
    201: jsonContent(envelope(UploadCreatedOut), 'The upload and where to send its bytes'),
    ...errorResponses(400, 413, 415, 422),
  },
});

export const registerCreateUpload: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const created = await createUpload(
      deps,
      actorOf(principal),
      tenantOf(principal),
      c.req.valid('json'),
    );
    const data = {
      upload: await attributedOne(deps, principal.workspaceId, created.upload, toUploadOut),
      upload_url: created.uploadUrl,
      expires_at: created.expiresAt,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
