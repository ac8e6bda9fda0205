// Fails CI early, with a clear message, when PostgreSQL or Redis is not reachable.
import net from 'node:net';
import pg from 'pg';

const databaseUrl = process.env.ONEPIN_TEST_DATABASE_URL;
const redisUrl = new URL(process.env.ONEPIN_TEST_REDIS_URL);

try {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  const { rows } = await client.query('select version()');
  await client.end();
  console.log(`PostgreSQL: ${rows[0].version.split(',')[0]}`);
} catch (error) {
  console.error(`PostgreSQL at ${databaseUrl} is not reachable: ${error.message}`);
  process.exit(1);
}

await new Promise((resolve) => {
  const socket = net.connect(Number(redisUrl.port || 6379), redisUrl.hostname);
  socket.setTimeout(5000);
  socket.once('connect', () => socket.write('PING\r\n'));
  socket.once('data', (data) => {
    console.log(`Redis: ${String(data).trim()}`);
    socket.end();
    resolve();
  });
  const fail = (reason) => {
    console.error(`Redis at ${redisUrl} is not reachable: ${reason}`);
    process.exit(1);
  };
  socket.once('timeout', () => fail('timeout'));
  socket.once('error', (error) => fail(error.message));
});
