#!/usr/bin/env node
// The `onepin-server` command. It lives outside dist/ because git keeps this file's
// executable bit, while a first build writes dist/bin.js without one.
import '../dist/bin.js';
