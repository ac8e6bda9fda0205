// Key rotation with a grace period: replace a key's secret while deployments still use the
// old one, then end the grace period once they have all switched.
//   ONEPIN_API_KEY=op_live_… npx tsx packages/sdk/examples/key-rotation.ts
// The key needs api_keys:read, api_keys:write and workspace:read.
import { AuthenticationError, OnePinClient } from '@onepin/sdk';

const baseUrl = process.env.ONEPIN_BASE_URL;
const admin = new OnePinClient({ token: process.env.ONEPIN_API_KEY, baseUrl });

// A key for a deployment (in real life it already exists; you would look up its id).
const original = await admin.apiKeys.create({
  name: 'example: deploy bot',
  scopes: ['workspace:read'],
});
console.log(`Created ${original.preview}`);

// Rotate: the new secret works at once; the old one keeps working for an hour.
const { old_key, new_key } = await admin.apiKeys.rotate(original.id, {
  grace_period_seconds: 3600,
});
console.log(`New key ${new_key.preview}; the old one ends at ${old_key.expires_at}`);
// Store new_key.api_key in your secret manager now: it is never shown again.

const oldClient = new OnePinClient({ token: original.api_key, baseUrl });
const newClient = new OnePinClient({ token: new_key.api_key, baseUrl });
console.log(`old key still works: ${(await oldClient.workspace.retrieve()).name}`);
console.log(`new key works:       ${(await newClient.workspace.retrieve()).name}`);

// Every deployment has the new key: end the grace period now rather than in an hour.
await admin.apiKeys.revoke(old_key.id);
try {
  await oldClient.workspace.retrieve();
} catch (error) {
  if (!(error instanceof AuthenticationError)) throw error;
  console.log(`old key refused: [${error.code}] ${error.message}`);
}

// Tidy up the example's key.
await admin.apiKeys.revoke(new_key.id);
console.log('Revoked the example key.');
