// Pagination: await a list for one page, or iterate it with `for await` for every item.
//   ONEPIN_API_KEY=op_live_… npx tsx packages/sdk/examples/pagination.ts
// The key needs api_keys:read, workflows:read and workspace:read.
import { OnePinClient } from '@onepin/sdk';

const client = new OnePinClient({
  token: process.env.ONEPIN_API_KEY,
  baseUrl: process.env.ONEPIN_BASE_URL,
});

// Every active key of the workspace, 20 per request, fetched as the loop goes.
let count = 0;
for await (const key of client.apiKeys.list({ status: 'active', limit: 20 })) {
  count++;
  console.log(`${key.preview}  ${key.name}  [${key.scopes.join(' ')}]`);
}
console.log(`${count} active keys`);

// One page at a time, when you want the pagination details.
let page = await client.apiKeys.list({ limit: 10 });
console.log(`page 1: ${page.data.length} of ${page.pagination.total}`);
for (let n = 2; page.hasNextPage(); n++) {
  page = await page.getNextPage();
  console.log(`page ${n}: ${page.data.length} keys from offset ${page.pagination.offset}`);
}

// Filters and sorting go along to every page: here the workflows whose name contains
// "episode", in name order, 5 per request.
const episodes: string[] = [];
for await (const workflow of client.workflows.list({ search: 'episode', sort: 'name', limit: 5 })) {
  episodes.push(workflow.name);
}
console.log(`${episodes.length} workflows match "episode": ${episodes.join(', ')}`);

// The audit log uses cursor pagination; the loop looks the same. Stop whenever you like.
let shown = 0;
for await (const event of client.activity.list({ limit: 50 })) {
  console.log(`${event.created_at}  ${event.type}  by ${event.actor.name ?? event.actor.type}`);
  if (++shown === 5) break;
}
