import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { ObjectIdParam } from '../../schemas/resource.js';
import { ConfirmUploadBody, toUploadOut, UploadOut } from '../../schemas/upload.js';
import { confirmUpload } from '../../services/uploads.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('uploads:write', {
  method: 'post',
  path: '/api/v1/uploads/{id}',
  tags: ['Uploads'],
  summary: 'Confirm an upload: bind it to a workflow',
  description:
    'The workflow must be in the same workspace and data set (else 404). Before the bytes arrived: 409. Confirming again to the same workflow returns the upload; to another one: 409.',
  request: { params: ObjectIdParam, body: jsonBody(ConfirmUploadBody) },
  responses: {
    200: jsonContent(envelope(UploadOut), 'The confirmed upload'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerConfirmUpload: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const upload = await confirmUpload(
      deps,
      actorOf(principal),
      tenantOf(principal),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return jsonResponse(
      c,
      dataEnvelope(
        c,
        deps.clock,
        await attributedOne(deps, upload.workspace_id, upload, toUploadOut),
      ),
      200,
    );
  });
};
