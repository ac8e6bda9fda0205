#!/usr/bin/env node
import { runServerCli } from './cli.js';

const code = await runServerCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
