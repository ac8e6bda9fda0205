// Writes src/generated/openapi.ts from the server's OpenAPI document, or with `--check`
// exits 1 when the committed file no longer matches the server.
//
//   npm run generate -w @onepin/sdk        regenerate
//   npm run check-types -w @onepin/sdk     fail on drift (CI runs the same check as a test)
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { GENERATED_TYPES_PATH, readCommittedTypes, renderOpenApiTypes } from './openapi-types.js';

const check = process.argv.includes('--check');
const generated = await renderOpenApiTypes();
const committed = await readCommittedTypes();
const shown = relative(process.cwd(), GENERATED_TYPES_PATH);

if (check) {
  if (committed !== generated) {
    console.error(
      `${shown} is out of date with the server's OpenAPI document.\n` +
        'Run `npm run generate -w @onepin/sdk` and commit the result.',
    );
    process.exit(1);
  }
  console.log(`${shown} matches the server's OpenAPI document.`);
} else if (committed === generated) {
  console.log(`${shown} is already up to date.`);
} else {
  await writeFile(GENERATED_TYPES_PATH, generated);
  console.log(`Wrote ${shown}.`);
}
