// Error handling: every failure is a OnePinError; API errors say what happened by class,
// and carry the server's code, message, request id and (for 422) the fields at fault.
//   ONEPIN_API_KEY=op_live_… npx tsx packages/sdk/examples/error-handling.ts
import {
  APIConnectionError,
  APIError,
  NotFoundError,
  OnePinClient,
  OnePinConfigurationError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '@onepin/sdk';

// A malformed token fails here, before any request (and the message never repeats it).
try {
  new OnePinClient({ token: 'op_live_not-a-real-key' });
} catch (error) {
  if (error instanceof OnePinConfigurationError) console.log(`Configuration: ${error.message}`);
}

const client = new OnePinClient({
  token: process.env.ONEPIN_API_KEY,
  baseUrl: process.env.ONEPIN_BASE_URL,
});

/** The way the `onepin` CLI prints API errors: `[CODE] message (request_id=…)`. */
function report(error: unknown): void {
  if (error instanceof RateLimitError) {
    console.log(`Rate limited: try again in ${error.retryAfter ?? '?'} s`);
  } else if (error instanceof UnprocessableEntityError) {
    const fields = error.details.map((d) => `${d.field}: ${d.message}`).join('; ');
    console.log(`[${error.code}] ${error.message} ${fields} (request_id=${error.requestId})`);
  } else if (error instanceof APIError) {
    console.log(
      `[${error.code}] ${error.message} (status ${error.status}, request_id=${error.requestId})`,
    );
  } else if (error instanceof APIConnectionError) {
    console.log(`Cannot reach the server: ${error.message}`);
  } else {
    throw error;
  }
}

// 404: the id does not exist in this workspace (or belongs to another one).
try {
  await client.apiKeys.retrieve('00000000-0000-4000-8000-000000000000');
} catch (error) {
  if (error instanceof NotFoundError) console.log('Not found, as expected.');
  else if (error instanceof PermissionDeniedError) console.log(`No permission: ${error.code}`);
  else report(error);
}

// 422: the server names each field at fault.
try {
  await client.apiKeys.create({ name: '', scopes: [] });
} catch (error) {
  report(error);
}

// Connection errors are retried (2 times by default) before they reach you.
const offline = client.withOptions({ baseUrl: 'http://127.0.0.1:65535', maxRetries: 0 });
await offline.auth.whoami().catch(report);
