import type { MiddlewareHandler } from 'hono';
import { ApiError, tooManyFailedAuthentications } from '../../api-error.js';
import { clientAddress } from '../../auth/client-address.js';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { GithubLeakLabelsOut, GithubLeakReportBody } from '../../schemas/leak-report.js';
import { reportGithubLeaks } from '../../services/key-leaks.js';
import { type BodyPolicy, publicRoute, type RouteRegistrar } from '../route-definition.js';

export const GITHUB_SECRET_SCANNING_PATH = '/api/v1/secret-scanning/github';

/**
 * JSON whose matches are keys, on purpose. Nothing before the signature check parses it (the
 * pasted-key guard would, and is left out), so the check hashes the bytes GitHub signed.
 */
const REPORT_BODY: BodyPolicy = Object.freeze({ kind: 'json', acceptsApiKey: true });

/**
 * Checks GitHub's signature over the raw body before anything reads it as JSON: a report that
 * is not signed by one of the configured keys gets one 401 whatever is wrong with it, counts
 * as a failed authentication of its address (so forging is throttled like guessing keys), and
 * never reaches the validator. Without configured keys every report is refused.
 */
function verifiedByGithub(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = deps.clock.now();
    const address = clientAddress(c, deps.settings.trustProxy);
    const blockedFor = deps.failedAuth.blockedFor(address, now);
    if (blockedFor > 0) throw tooManyFailedAuthentications(blockedFor);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const verified =
      deps.githubPublicKeys?.verify(
        c.req.header('github-public-key-identifier'),
        c.req.header('github-public-key-signature'),
        body,
      ) ?? false;
    if (!verified) {
      deps.failedAuth.recordFailure(address, now);
      throw new ApiError('UNAUTHORIZED', 'The report is not signed by GitHub.');
    }
    return next();
  };
}

function route(deps: AppDeps) {
  return publicRoute(
    {
      method: 'post',
      path: GITHUB_SECRET_SCANNING_PATH,
      tags: ['Leaked keys'],
      summary: "GitHub secret scanning: OnePin keys found in public (GitHub's partner format)",
      description:
        'No API key: GitHub signs each report (ECDSA P-256, SHA-256 over the raw body; `Github-Public-Key-Identifier`, `Github-Public-Key-Signature`) with one of the public keys the operator saved to `ONEPIN_SECRET_SCANNING_KEYS_FILE`; anything else gets 401. Each match that is a key of this server is a `true_positive` and, unless `ONEPIN_SECRET_SCANNING_ACTION=notify`, revoked at once if it still works; `api_key.leaked` fires with the URL. The answer is the bare array GitHub expects, not the usual envelope.',
      request: { body: jsonBody(GithubLeakReportBody) },
      responses: {
        200: jsonContent(GithubLeakLabelsOut, 'One label per match, in order'),
        ...errorResponses(400, 401, 413, 415, 422, 429),
      },
    },
    { body: REPORT_BODY, checks: [verifiedByGithub(deps)] },
  );
}

export const registerGithubSecretScanning: RouteRegistrar = (app, deps) => {
  app.openapi(route(deps), async (c) => {
    const labels = await reportGithubLeaks(
      deps,
      c.req.valid('json'),
      deps.settings.secretScanningAction,
    );
    return jsonResponse(c, labels, 200);
  });
};
