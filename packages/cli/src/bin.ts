#!/usr/bin/env node
import { EXIT } from './errors.js';
import { dispatchInterrupt } from './io.js';
import { main } from './main.js';

// Ctrl-C: exit 130 like any well-behaved command — at once, unless the running command
// handles it (a device login stops waiting and says nothing was saved); a second Ctrl-C
// always exits at once. A closed pipe (`onepin … | head`) is not an error: exit quietly.
process.on('SIGINT', () => {
  if (!dispatchInterrupt()) process.exit(EXIT.interrupted);
});
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
