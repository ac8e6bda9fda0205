// Quickstart: who am I, and what is in my workspace?
//   ONEPIN_API_KEY=op_live_… npx tsx packages/sdk/examples/quickstart.ts
import { OnePinClient } from '@onepin/sdk';

const client = new OnePinClient({
  token: process.env.ONEPIN_API_KEY,
  baseUrl: process.env.ONEPIN_BASE_URL, // optional: http://127.0.0.1:8000 by default
});

const me = await client.auth.whoami();
console.log(`Key "${me.key_name}" of workspace "${me.workspace_name}" (${me.workspace_id})`);
console.log(`Scopes: ${me.scopes.join(', ') || '(none: this key can only call whoami)'}`);
