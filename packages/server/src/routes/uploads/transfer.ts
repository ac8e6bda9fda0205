import { z } from '@hono/zod-openapi';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ErrorEnvelope, envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { toUploadOut, UploadOut, UploadTransferQuery } from '../../schemas/upload.js';
import { receiveUploadBytes } from '../../services/uploads.js';
import { attributedOne } from '../../services/workspaces.js';
import { type RouteRegistrar, STREAMED_BODY, signedUrlRoute } from '../route-definition.js';

/**
 * `PUT {upload_url}`: the bytes of an upload. Outside `/api/v1` on purpose: no API key (the
 * URL's signature is the credential) and no JSON body limit (the upload limit applies,
 * counted while the bytes stream to the blob store).
 */
const route = signedUrlRoute(
  {
    method: 'put',
    path: '/uploads/{id}',
    tags: ['Uploads'],
    summary: 'Send the bytes of an upload (the `upload_url`)',
    description:
      'Authenticated by the signature in the URL, not by an API key. Send exactly `size_bytes` bytes; more, a wrong length, an expired or forged URL leave nothing stored. Good for one upload: once the bytes are in, the URL answers 409.',
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      query: UploadTransferQuery,
      body: {
        content: {
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
        required: true,
      },
    },
    responses: {
      200: jsonContent(envelope(UploadOut), 'The upload, now `uploaded`'),
      ...errorResponses(400, 404, 409, 413),
      403: jsonContent(ErrorEnvelope, 'The URL is forged, altered or expired'),
    },
  },
  { body: STREAMED_BODY },
);

export const registerUploadTransfer: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { expires, signature } = c.req.valid('query');
    const upload = await receiveUploadBytes(deps, {
      uploadId: c.req.valid('param').id,
      expires,
      signature,
      contentLength: c.req.header('content-length'),
      body: c.req.raw.body,
    });
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
