// Run by close.test.ts as its own process: verifies a key with the events stream open, then
// closes the verifier and does nothing else. The process must then exit by itself.
import { createVerifier } from '../verifier.js';

const verifier = createVerifier({
  baseUrl: process.env.FAKE_ONEPIN_URL ?? '',
  serviceToken: process.env.FAKE_ONEPIN_TOKEN ?? '',
});
const result = await verifier.verify(process.env.FAKE_ONEPIN_KEY ?? '');
// Let the stream connect and the report timer tick before closing.
await new Promise((resolve) => setTimeout(resolve, 300));
await verifier.close();
console.log(`verified ${result.code}, closed`);
