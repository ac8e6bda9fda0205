import { EXIT } from './errors.js';
import { main } from './main.js';

// Ctrl-C: exit 130 like any well-behaved command. A closed pipe (`onepin … | head`) is not
// an error: exit quietly with success.
process.once('SIGINT', () => process.exit(EXIT.interrupted));
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
